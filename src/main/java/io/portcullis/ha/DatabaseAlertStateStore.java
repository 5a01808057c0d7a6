package io.portcullis.ha;

import io.portcullis.alert.AlertState;
import io.portcullis.alert.AlertStateStore;
import io.portcullis.store.Sanitizer;
import io.portcullis.store.StalePool;
import io.portcullis.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Alert state in {@code pcl_alert_state}, written through from an in-memory copy. Reads are served from memory
 * (the alerter and the delivery tick read on every check and every second); every change is written to the
 * database at once. While the database is down a change is only marked dirty, and a background flush writes
 * the latest version of each dirty alert (or deletes it) once the database answers, so monitoring and alerting
 * never wait for it. The consecutive failed checks per router (behind PortcullisRouterUnreachable) are kept the same
 * way in {@code pcl_check_failure}.
 *
 * <p>{@link #reload()} reads the table back: at start and whenever this replica becomes leader, so a restart or a
 * failover continues each open alert (same startsAt, fingerprint, changedBy, delivery times per sink: no re-fire)
 * and still delivers a resolve that was decided but had not reached every sink. Only while {@code leading} are
 * changes written: a replica that was just deposed must not overwrite what the new leader decides.
 */
public final class DatabaseAlertStateStore implements AlertStateStore, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DatabaseAlertStateStore.class);

    private final Supplier<DataSource> database;
    private final String replica;
    private final BooleanSupplier leading;
    private final Clock clock;
    private final Map<String, AlertState> states = new ConcurrentHashMap<>();
    /** Fingerprints changed in memory but not yet in the database (absent from {@code states}: to be deleted). */
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    /** Consecutive failed checks per router (pcl_check_failure), and the routers whose count is not yet written. */
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    private final Set<String> dirtyFailures = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService flusher;
    private volatile boolean loaded;
    private volatile String lastError;

    /**
     * @param database the migrated datasource; may throw {@link StoreException} while the database is unreachable
     * @param flushEvery how often changes made while the database was down are retried
     */
    public DatabaseAlertStateStore(
            Supplier<DataSource> database, String replica, BooleanSupplier leading, Clock clock, Duration flushEvery) {
        this.database = database;
        this.replica = replica;
        this.leading = leading;
        this.clock = clock;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portcullis-alert-state-flush");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(
                this::catchUp, flushEvery.toMillis(), flushEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Replaces the memory copy with the table, keeping changes not yet written (they are newer). Returns false,
     * keeping memory as it is, when the database cannot be read; the flush retries the read.
     */
    public synchronized boolean reload() {
        try (Connection c = database.get().getConnection()) {
            Map<String, AlertState> fromDb = new HashMap<>();
            for (AlertState s : AlertStateTable.readAll(c)) {
                fromDb.put(s.fingerprint(), s);
            }
            for (String fp : dirty) {
                AlertState mine = states.get(fp);
                if (mine == null) {
                    fromDb.remove(fp);
                } else {
                    fromDb.put(fp, mine);
                }
            }
            states.keySet().retainAll(fromDb.keySet());
            states.putAll(fromDb);
            Map<String, Integer> counts = AlertStateTable.readFailures(c);
            for (String router : dirtyFailures) {
                counts.put(router, failures.getOrDefault(router, 0));
            }
            counts.values().removeIf(n -> n <= 0);
            failures.keySet().retainAll(counts.keySet());
            failures.putAll(counts);
            if (!loaded || lastError != null) {
                LOG.infof("alert state read from the database: %d open or undelivered alerts", fromDb.size());
            }
            loaded = true;
            lastError = null;
            return true;
        } catch (SQLException | StoreException e) {
            failed("read", e);
            return false;
        }
    }

    /** True once the table was read at least once (before that, an open alert could fire again). */
    public boolean loaded() {
        return loaded;
    }

    /** Changes waiting for the database. */
    public int unwritten() {
        return dirty.size() + dirtyFailures.size();
    }

    /** Why the database could not be read or written last time, or null when the last attempt worked. */
    public String lastError() {
        return lastError;
    }

    @Override
    public Optional<AlertState> find(String fingerprint) {
        return Optional.ofNullable(states.get(fingerprint));
    }

    @Override
    public List<AlertState> all() {
        List<AlertState> out = new ArrayList<>(states.values());
        out.sort((a, b) -> a.alert().startsAt().compareTo(b.alert().startsAt()));
        return out;
    }

    @Override
    public synchronized void save(AlertState state) {
        states.put(state.fingerprint(), state);
        changed(state.fingerprint());
    }

    @Override
    public synchronized void delete(String fingerprint) {
        states.remove(fingerprint);
        changed(fingerprint);
    }

    @Override
    public int failedChecks(String router) {
        return failures.getOrDefault(router, 0);
    }

    @Override
    public synchronized void failedChecks(String router, int count) {
        if (count <= 0) {
            if (failures.remove(router) == null) {
                return; // nothing counted: nothing to write (the usual case of a router in policy)
            }
        } else {
            failures.put(router, count);
        }
        dirtyFailures.add(router);
        if (lastError == null) {
            flush();
        }
    }

    private void changed(String fingerprint) {
        dirty.add(fingerprint);
        // with the database known to be down, do not make the check wait for a connection attempt: the flush retries
        if (lastError == null) {
            flush();
        }
    }

    /** Writes every dirty alert; false when the database could not take them (they stay dirty). */
    public synchronized boolean flush() {
        if (dirty.isEmpty() && dirtyFailures.isEmpty()) {
            return true;
        }
        if (!leading.getAsBoolean()) {
            // deposed: what this replica decided last is the new leader's to redo, never to overwrite
            dirty.clear();
            dirtyFailures.clear();
            return true;
        }
        try (Connection c = database.get().getConnection()) {
            for (String fp : List.copyOf(dirty)) {
                AlertState s = states.get(fp);
                if (s == null) {
                    AlertStateTable.delete(c, fp);
                } else {
                    AlertStateTable.write(c, s, replica, clock.instant());
                }
                dirty.remove(fp);
            }
            for (String router : List.copyOf(dirtyFailures)) {
                AlertStateTable.writeFailures(c, router, failures.getOrDefault(router, 0), replica, clock.instant());
                dirtyFailures.remove(router);
            }
            if (lastError != null) {
                LOG.infof("alert state written to the database again");
            }
            lastError = null;
            return true;
        } catch (SQLException | StoreException e) {
            failed("write", e);
            return false;
        }
    }

    private void catchUp() {
        try {
            if (!loaded) {
                reload();
            }
            if (!dirty.isEmpty() || !dirtyFailures.isEmpty()) {
                flush();
            }
        } catch (RuntimeException e) {
            LOG.warnf("alert state flush failed: %s", e.getMessage());
        }
    }

    private void failed(String what, Exception e) {
        StalePool.evictAfter(database, e); // else the next flush may get a connection that broke with the network
        String msg = Sanitizer.text(Sanitizer.url(firstLine(e.getMessage())), 300);
        if (lastError == null) {
            LOG.warnf(
                    "alert state cannot be %s the database (kept in memory and retried): %s",
                    what.equals("read") ? "read from" : "written to", msg);
        }
        lastError = msg;
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "no details";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        flush();
    }
}
