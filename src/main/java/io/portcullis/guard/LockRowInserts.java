package io.portcullis.guard;

import io.portcullis.engine.memory.RouterLocks.Holder;
import io.portcullis.engine.memory.RouterMemory.MemoryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Takes router lock rows ({@code pcl_router_lock}) for many threads together: the threads of a parallel apply that ask
 * while a batch is in the database are answered by the next one, a batch of inserts and one read of who holds each
 * router, on one connection. An apply of 1,000 routers with 100 in parallel took its locks with 1,000 inserts, each
 * on a borrowed (and validated) connection; the guard was then the largest part of what recording costs a run
 * (docs/benchmarks.md, issue 9). Nothing is taken earlier than before: each row is asked for when its router's
 * transaction starts, and waits at most for the batch ahead of it.
 *
 * <p>An insert that finds the router's row there changes nothing ({@code ON CONFLICT DO NOTHING}, on H2 and PostgreSQL
 * alike); the read after the inserts tells each thread whether the row now holds its token. A row whose holder
 * stopped renewing it (expired) is deleted and the insert tried once more, as before.
 */
final class LockRowInserts {
    /** Rows per insert batch and keys per read at most. */
    private static final int MAX_BATCH = 100;

    private final DataSource ds;
    private final String where;
    private final Duration ttl;
    private final Queue<Attempt> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean batchQueued = new AtomicBoolean();
    private final ExecutorService inserter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "portcullis-router-lock-inserts");
        t.setDaemon(true);
        return t;
    });

    /** One thread's request for the row of {@code key}, answered with null (taken) or who holds it. */
    private record Attempt(String key, Holder me, String token, CompletableFuture<Holder> answer) {}

    LockRowInserts(DataSource ds, String where, Duration ttl) {
        this.ds = ds;
        this.where = where;
        this.ttl = ttl;
    }

    /**
     * Null when the row of {@code key} now holds {@code token}; else who holds it ("(just released)" when its row went
     * between the insert and the read: the next try takes it).
     *
     * @throws MemoryException the database cannot be used (one sentence)
     */
    Holder tryInsert(String key, Holder me, String token) {
        Attempt a = new Attempt(key, me, token, new CompletableFuture<>());
        waiting.add(a);
        if (batchQueued.compareAndSet(false, true)) {
            try {
                inserter.execute(this::insertWaiting);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                batchQueued.set(false);
                insertWaiting(); // closing: this thread takes its own row
            }
        }
        // waited for whatever an interrupt says, and the interrupt kept: a row taken for a thread that stopped waiting
        // would back no lease (and the caller, taking the failure for a database gone away, would go on with this
        // process's lock only), while a thread inserting its own row was never stopped by one either
        return LockWait.answer(a.answer(), key, where);
    }

    /**
     * Runs on the inserter thread: answers every attempt waiting now. The flag is cleared before the queue is drained,
     * so an attempt added meanwhile queues a batch of its own (as {@code RunRecording} does for router records).
     */
    private void insertWaiting() {
        batchQueued.set(false);
        List<Attempt> batch = new ArrayList<>();
        for (Attempt a; (a = waiting.poll()) != null; ) {
            batch.add(a);
        }
        for (int from = 0; from < batch.size(); from += MAX_BATCH) {
            List<Attempt> part = batch.subList(from, Math.min(batch.size(), from + MAX_BATCH));
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(true);
                Map<String, Holder> holders = take(c, part);
                part.forEach(a -> a.answer().complete(holders.get(a.key())));
            } catch (SQLException | RuntimeException e) {
                MemoryException m = new MemoryException(
                        "could not take the lock of "
                                + (part.size() == 1 ? part.get(0).key() : part.size() + " routers")
                                + " in the database " + where + " (" + e.getMessage() + ")",
                        e);
                part.forEach(a -> a.answer().completeExceptionally(m));
            }
        }
    }

    /**
     * Inserts the attempts' rows (those already there are left as they are), then reads who holds each router. The
     * keys of one batch differ: threads of this JVM queue on its in-process lock first.
     *
     * @return per key, null when the attempt's row is in, else who holds the router
     */
    private Map<String, Holder> take(Connection c, List<Attempt> attempts) throws SQLException {
        Instant now = Instant.now();
        try (PreparedStatement ins = c.prepareStatement(INSERT)) {
            for (Attempt a : attempts) {
                bind(ins, a, now);
                ins.addBatch();
            }
            ins.executeBatch();
        }
        Map<String, Holder> out = new HashMap<>();
        List<Attempt> expired = new ArrayList<>();
        Map<String, Attempt> byKey = new HashMap<>();
        attempts.forEach(a -> byKey.put(a.key(), a));
        StringBuilder in = new StringBuilder();
        attempts.forEach(a -> in.append(in.isEmpty() ? "?" : ", ?"));
        try (PreparedStatement q = c.prepareStatement(
                "SELECT lock_key, token, run_id, actor, expires_at FROM pcl_router_lock WHERE lock_key IN (" + in
                        + ")")) {
            int i = 1;
            for (Attempt a : attempts) {
                q.setString(i++, a.key());
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Attempt a = byKey.remove(rs.getString("lock_key"));
                    if (a == null) {
                        continue;
                    }
                    if (a.token().equals(rs.getString("token"))) {
                        out.put(a.key(), null);
                    } else if (rs.getObject("expires_at", OffsetDateTime.class)
                            .toInstant()
                            .isBefore(now)) {
                        expired.add(a);
                    } else {
                        out.put(a.key(), new Holder(rs.getString("run_id"), rs.getString("actor")));
                    }
                }
            }
        }
        // released between the insert and the read: the next try takes it
        byKey.values().forEach(a -> out.put(a.key(), new Holder("(just released)", "-")));
        for (Attempt a : expired) {
            out.put(a.key(), takeOver(c, a));
        }
        return out;
    }

    /** The holder of {@code a}'s router died and stopped renewing its row: deleted, and the insert tried again. */
    private Holder takeOver(Connection c, Attempt a) throws SQLException {
        Instant now = Instant.now();
        try (PreparedStatement del =
                        c.prepareStatement("DELETE FROM pcl_router_lock WHERE lock_key = ? AND expires_at < ?");
                PreparedStatement ins = c.prepareStatement(INSERT)) {
            del.setString(1, a.key());
            del.setObject(2, DatabaseRouterMemory.time(now));
            del.executeUpdate();
            bind(ins, a, now);
            return ins.executeUpdate() > 0 ? null : new Holder("(just taken over)", "-");
        }
    }

    private static final String INSERT = "INSERT INTO pcl_router_lock (lock_key, run_id, actor, token, acquired_at,"
            + " expires_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private void bind(PreparedStatement ins, Attempt a, Instant now) throws SQLException {
        ins.setString(1, a.key());
        ins.setString(2, a.me().runId());
        ins.setString(3, DatabaseRouterMemory.cut(a.me().actor(), 400));
        ins.setString(4, a.token());
        ins.setObject(5, DatabaseRouterMemory.time(now));
        ins.setObject(6, DatabaseRouterMemory.time(now.plus(ttl)));
    }

    /** Stops the inserter once the batch under way (if any) is answered. */
    void close(Duration wait) {
        inserter.shutdown();
        try {
            inserter.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
