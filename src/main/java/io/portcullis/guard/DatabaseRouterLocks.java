package io.portcullis.guard;

import io.portcullis.engine.memory.RouterLocks;
import io.portcullis.engine.memory.RouterMemory.MemoryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * {@link RouterLocks} across processes: a row per held router in {@code pcl_router_lock}, inserted to take the lock
 * (the primary key refuses a second holder, on H2 and PostgreSQL alike; the threads asking together are answered by
 * one batch, {@link LockRowInserts}), renewed every third of {@link #ttl} while held, deleted to release. A holder
 * that died stops renewing; once its row expired the next run deletes it and takes the router. Threads of this JVM
 * first queue on the in-process lock, so they never poll the database against each other.
 *
 * <p>Releases are deleted together: a released row waits up to {@link #RELEASE_BATCH} and goes with every other row
 * released meanwhile in one batch on one connection (an apply of 1,000 routers releases 1,000 rows; one statement and
 * one borrowed connection each cost the database as much CPU as the rest of the guard, docs/benchmarks.md). The lock of
 * this JVM is released at once; a thread of this JVM that takes the router again before the batch went deletes its row
 * itself first. {@link #close} deletes what is still waiting.
 */
public final class DatabaseRouterLocks implements SharedRouterLocks {
    static final Duration RELEASE_BATCH = Duration.ofMillis(20);
    /** How long {@link #close} waits for a batch of deletes under way. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final DataSource ds;
    private final Duration ttl;
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "portcullis-router-locks");
        t.setDaemon(true);
        return t;
    });

    /** Released rows not deleted yet: lock key → the token of the lease that held it. */
    private final Map<String, String> releasing = new ConcurrentHashMap<>();

    /** The next batch of deletes, {@link #RELEASE_BATCH} after the first release since the last one. */
    private final SoonOnce deletes = new SoonOnce(renewer, RELEASE_BATCH, this::deleteReleased);

    /** Rows are taken in batches, for every thread asking at the same time. */
    private final LockRowInserts inserts;

    public DatabaseRouterLocks(DataSource ds, String where, Duration ttl) {
        this.ds = ds;
        this.ttl = ttl;
        this.inserts = new LockRowInserts(ds, where, ttl);
    }

    @Override
    public Lease acquire(String key, Holder me, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Lease local = RouterLocks.inProcess().acquire(key, me, wait);
        try {
            String ours = releasing.remove(key);
            if (ours != null) {
                delete(List.of(Map.entry(key, ours))); // this JVM released it a moment ago: its row goes first
            }
            String token = UUID.randomUUID().toString();
            while (true) {
                Holder other;
                try {
                    other = inserts.tryInsert(key, me, token);
                } catch (MemoryException databaseAway) {
                    // the database went away mid-run (a recording failure never stops a run): this JVM's lock still
                    // holds,
                    // and a process that cannot reach the database refuses to start applying at all
                    return local;
                }
                if (other == null) {
                    ScheduledFuture<?> renewal = renewer.scheduleAtFixedRate(
                            () -> renew(key, token), ttl.toMillis() / 3, ttl.toMillis() / 3, TimeUnit.MILLISECONDS);
                    return new SharedLease(local) {
                        @Override
                        protected void releaseShared() {
                            renewal.cancel(false);
                            releaseLater(key, token);
                        }
                    };
                }
                LockWait.pauseOrRefuse(deadline, key, other);
            }
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }

    private void renew(String key, String token) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE pcl_router_lock SET expires_at = ? WHERE lock_key = ? AND token = ?")) {
            ps.setObject(1, DatabaseRouterMemory.time(Instant.now().plus(ttl)));
            ps.setString(2, key);
            ps.setString(3, token);
            ps.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            // the database is away: the row stays until it expires, which still keeps other runs off this router
        }
    }

    /** Queues the row for the next batch of deletes (see the class comment). */
    private void releaseLater(String key, String token) {
        releasing.put(key, token);
        deletes.request();
    }

    /** Deletes every row released since the last batch. */
    private void deleteReleased() {
        List<Map.Entry<String, String>> batch = new ArrayList<>();
        for (Map.Entry<String, String> e : releasing.entrySet()) {
            // only if still the same release: a thread of this JVM may have taken the key back and deleted it itself
            if (releasing.remove(e.getKey(), e.getValue())) {
                batch.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        delete(batch);
    }

    private void delete(List<Map.Entry<String, String>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = ds.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("DELETE FROM pcl_router_lock WHERE lock_key = ? AND token = ?")) {
            c.setAutoCommit(true);
            for (Map.Entry<String, String> r : rows) {
                ps.setString(1, r.getKey());
                ps.setString(2, r.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException | RuntimeException e) {
            // not deleted: the rows expire after ttl and the next run takes those routers then
        }
    }

    /**
     * Deletes the released rows still waiting and stops renewing (held rows then expire); called before the owner of the
     * datasource closes it. A batch already under way is let finish, not interrupted: interrupting it (and then closing
     * the pool under it) left its rows behind for {@link #ttl}, and the next run on those routers waited or was
     * refused (CI, 2026-12-07: a second apply refused ROUTER_BUSY after the first had finished).
     */
    @Override
    public void close() {
        inserts.close(CLOSE_WAIT);
        renewer.shutdown(); // renewals stop; a batch of deletes scheduled or running still goes
        try {
            if (!renewer.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                renewer.shutdownNow(); // the database hangs: those rows expire after ttl
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteReleased();
    }
}
