package io.portcullis.ha;

import io.portcullis.store.Sanitizer;
import io.portcullis.store.StalePool;
import io.portcullis.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Every router's current state in {@code pcl_router_state} (migration V6), shared by the replicas. On the leader,
 * {@link #put} only marks a changed router dirty and a tick writes whatever is dirty in one transaction (with the
 * version bump), so a check never waits for the database and a fleet of 1,000 unchanged routers costs one small
 * update per full check ({@link #fullCheck}), not 1,000. On a follower the same tick reads the version and, when it
 * moved, every row, and hands the result to the service, which serves the API and the dashboard from it. While the
 * database is down the leader keeps the latest unwritten version of each router and writes it once the database
 * answers; a deposed leader drops what it had not written (the new leader's checks decide now).
 */
public final class DatabaseRouterStateStore implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DatabaseRouterStateStore.class);

    private final Supplier<DataSource> database;
    private final String replica;
    private final BooleanSupplier leading;
    private final Clock clock;
    private final Duration tick;
    /** Routers to write (latest version each) or, with a null value, to delete. */
    private final Map<String, RouterStateRow> dirty = new LinkedHashMap<>();

    private Instant fullCheck;
    private int routersChecked;
    private final ScheduledExecutorService ticker;
    private volatile Consumer<FleetSnapshot> followerView = s -> {};
    private volatile long seenVersion = Long.MIN_VALUE;
    private volatile FleetSnapshot lastRead;
    private volatile String lastError;

    /**
     * @param database the migrated datasource; may throw {@link StoreException} while the database is unreachable
     * @param tick     how often the leader writes what changed and a follower looks for changes
     */
    public DatabaseRouterStateStore(
            Supplier<DataSource> database, String replica, BooleanSupplier leading, Clock clock, Duration tick) {
        this.database = database;
        this.replica = replica;
        this.leading = leading;
        this.clock = clock;
        this.tick = tick;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portcullis-router-state");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the tick; {@code view} receives what a follower read whenever it changed. */
    public void start(Consumer<FleetSnapshot> view) {
        this.followerView = view;
        ticker.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A router's state changed: written at the next tick (the latest version wins). */
    public synchronized void put(RouterStateRow row) {
        dirty.put(row.router(), row);
    }

    /** Routers no longer watched (the inventory dropped them): their rows are deleted at the next tick. */
    public synchronized void forget(List<String> routers) {
        routers.forEach(r -> dirty.put(r, null));
    }

    /** A full check that started at {@code startedAt} covered {@code routers} routers. */
    public synchronized void fullCheck(Instant startedAt, int routers) {
        fullCheck = startedAt;
        routersChecked = routers;
    }

    /** Reads the table now (a replica about to lead starts from it), or empty when the database cannot be read. */
    public Optional<FleetSnapshot> readNow() {
        try (Connection c = database.get().getConnection()) {
            FleetSnapshot s = RouterStateTable.read(c, clock.instant());
            seenVersion = s.version();
            lastRead = s;
            recovered();
            return Optional.of(s);
        } catch (SQLException | StoreException e) {
            failed("read from", e);
            return Optional.empty();
        }
    }

    /** What this replica read last (null before the first read). */
    public FleetSnapshot lastRead() {
        return lastRead;
    }

    /** Why the database could not be read or written last time, or null. */
    public String lastError() {
        return lastError;
    }

    /** Routers (and the full check) waiting to be written. */
    public synchronized int unwritten() {
        return dirty.size() + (fullCheck == null ? 0 : 1);
    }

    void tick() {
        try {
            if (leading.getAsBoolean()) {
                flush();
            } else {
                synchronized (this) {
                    dirty.clear(); // deposed: what this replica found is the new leader's to find again, never to
                    // overwrite
                    fullCheck = null;
                }
                poll();
            }
        } catch (RuntimeException e) {
            LOG.warnf("router state: %s", e.getMessage());
        }
    }

    /** Writes everything dirty in one transaction; false when the database could not take it (it stays dirty). */
    public boolean flush() {
        List<RouterStateRow> rows = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        Instant full;
        int checked;
        synchronized (this) {
            if (dirty.isEmpty() && fullCheck == null) {
                return true;
            }
            dirty.forEach((router, row) -> {
                if (row == null) {
                    deleted.add(router);
                } else {
                    rows.add(row);
                }
            });
            full = fullCheck;
            checked = routersChecked;
        }
        try (Connection c = database.get().getConnection()) {
            RouterStateTable.write(c, rows, deleted, full, checked, replica, clock.instant());
        } catch (SQLException | StoreException e) {
            failed("written to", e);
            return false;
        }
        synchronized (this) {
            // a router changed again while this was written stays dirty with its newer version
            rows.forEach(r -> dirty.remove(r.router(), r));
            deleted.forEach(r -> dirty.remove(r, null));
            if (fullCheck == full) {
                fullCheck = null;
            }
        }
        recovered();
        return true;
    }

    private void poll() {
        try (Connection c = database.get().getConnection()) {
            long v = RouterStateTable.version(c);
            if (v == seenVersion) {
                recovered();
                return;
            }
            FleetSnapshot s = RouterStateTable.read(c, clock.instant());
            seenVersion = s.version();
            lastRead = s;
            recovered();
            if (leading.getAsBoolean()) {
                return; // elected while this was read: the new leader's takeover read and its own checks decide now
            }
            followerView.accept(s);
        } catch (SQLException | StoreException e) {
            failed("read from", e);
        }
    }

    private void recovered() {
        if (lastError != null) {
            LOG.infof("router state: the database answers again");
        }
        lastError = null;
    }

    private void failed(String what, Exception e) {
        StalePool.evictAfter(database, e); // else the next tick may get a connection that broke with the network
        String m = e.getMessage() == null ? "no details" : e.getMessage();
        int nl = m.indexOf('\n');
        String msg = Sanitizer.text(Sanitizer.url(nl < 0 ? m : m.substring(0, nl)), 300);
        if (lastError == null) {
            LOG.warnf("router state cannot be %s the database (kept and retried every %s): %s", what, tick, msg);
        }
        lastError = msg;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        if (leading.getAsBoolean()) {
            flush();
        }
    }
}
