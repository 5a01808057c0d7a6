package io.portcullis.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The leader's counter history writer: {@link #write} only queues a round, and one thread of its own writes the
 * queue in order, so a sampling round never waits for the database and sampling goes on while it is down. Reads go
 * straight through and throw {@link StoreException} while the database is down (the caller then shows what it keeps
 * in memory).
 *
 * <p>What is lost while the database is down: nothing, as long as at most {@code capacity} rows wait (at the default
 * of 200,000 rows, about half an hour of a 1,000-router fleet sampled every minute, days of a small one); beyond that
 * the oldest rounds are dropped and counted ({@link #dropped()}), so those intervals are missing from every replica's
 * charts once the database is back (the leader's in-memory history still charts them until it restarts). Rows still
 * waiting when the process stops are lost. Followers see no new intervals until the rows are written. A round the
 * database refuses for good (its data, a constraint or the SQL itself: SQLState class 22, 23 or 42) is dropped and
 * counted, so it cannot hold up the rest; anything else (unreachable, a pool timeout) is retried every {@code retry}.
 */
public final class BufferedCounterSamples implements CounterSamples, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BufferedCounterSamples.class);

    private record Op(int rows, Consumer<CounterSamples> run) {}

    private final CounterSamples store;
    private final int capacity;
    private final Duration retry;
    private final Deque<Op> queue = new ArrayDeque<>();
    private final Thread writer;
    private int queuedRows;
    private volatile String lastError;
    private volatile long dropped;
    private volatile boolean closed;

    public BufferedCounterSamples(CounterSamples store, int capacity, Duration retry) {
        this.store = store;
        this.capacity = Math.max(1, capacity);
        this.retry = retry;
        this.writer = new Thread(this::drain, "portcullis-counter-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queued: written by the writer thread, in order, when the database answers. */
    @Override
    public void write(List<CounterDelta> rows) {
        if (!rows.isEmpty()) {
            List<CounterDelta> copy = List.copyOf(rows);
            enqueue(new Op(copy.size(), s -> s.write(copy)));
        }
    }

    /** Queued like the writes (returns 0: how many rows went is logged by the writer). */
    @Override
    public int prune(Instant cutoff) {
        enqueue(new Op(0, s -> {
            int n = s.prune(cutoff);
            if (n > 0) {
                LOG.infof("counter retention: %d samples of intervals that ended before %s deleted", n, cutoff);
            }
        }));
        return 0;
    }

    @Override
    public List<CounterDelta> recent(String router, int intervals) {
        return read(() -> store.recent(router, intervals));
    }

    @Override
    public List<RouterDrops> fleet(Instant since) {
        return read(() -> store.fleet(since));
    }

    private <T> T read(java.util.function.Supplier<T> r) {
        try {
            return r.get();
        } catch (StoreException e) {
            lastError = e.getMessage();
            throw e;
        }
    }

    /** Rows waiting to be written. */
    public int unwritten() {
        synchronized (queue) {
            return queuedRows;
        }
    }

    /** Rows dropped: beyond the capacity while the database was down, or refused by it for good. */
    public long dropped() {
        return dropped;
    }

    /** Why the database could not be written or read last time, one sentence, or null. */
    public String lastError() {
        return lastError;
    }

    private void enqueue(Op op) {
        synchronized (queue) {
            while (!queue.isEmpty() && queuedRows + op.rows() > capacity) {
                Op old = queue.pollFirst();
                queuedRows -= old.rows();
                dropped += old.rows();
            }
            queue.addLast(op);
            queuedRows += op.rows();
            queue.notifyAll();
        }
    }

    private void drain() {
        while (!closed) {
            Op next;
            synchronized (queue) {
                while (queue.isEmpty() && !closed) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                next = queue.peekFirst();
            }
            if (next == null) {
                continue;
            }
            try {
                next.run().accept(store);
                done(next, false);
                if (lastError != null) {
                    LOG.infof("counter history: the database answers again (%d rows waiting)", unwritten());
                }
                lastError = null;
            } catch (StoreException e) {
                if (!refusedForGood(e)) {
                    // unreachable, a pool timeout, a schema that cannot be opened right now: kept and retried
                    if (lastError == null) {
                        LOG.warnf(
                                "counter history cannot be written (kept in memory, retried every %s): %s",
                                retry, e.getMessage());
                    }
                    lastError = e.getMessage();
                    sleep();
                } else {
                    LOG.warnf("counter samples dropped: %s", e.getMessage());
                    done(next, true);
                }
            } catch (AssertionError e) {
                // a JDBC driver's internal assertion on a connection broken mid-statement (seen with -ea): a failure,
                // retried
                lastError = "counter samples not written: " + e.getMessage();
                sleep();
            } catch (RuntimeException e) {
                LOG.warnf("counter samples dropped: %s", e.getMessage());
                done(next, true);
            }
        }
    }

    /** The database refused the rows themselves (data, constraint or syntax: SQLState class 22, 23, 42): retrying cannot help. */
    static boolean refusedForGood(Throwable t) {
        if (SqlErrors.retryable(t)) {
            return false;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLException s
                    && s.getSQLState() != null
                    && (s.getSQLState().startsWith("22")
                            || s.getSQLState().startsWith("23")
                            || s.getSQLState().startsWith("42"))) {
                return true;
            }
        }
        return false;
    }

    private void done(Op op, boolean drop) {
        synchronized (queue) {
            if (queue.peekFirst() == op) { // not already pushed out by the capacity
                queue.pollFirst();
                queuedRows -= op.rows();
                if (drop) {
                    dropped += op.rows();
                }
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(retry.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until everything queued so far is written (tests, shutdown); false on timeout. */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (queue) {
                if (queue.isEmpty()) {
                    return true;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        synchronized (queue) {
            return queue.isEmpty();
        }
    }

    @Override
    public void close() {
        flush(Duration.ofSeconds(5));
        closed = true;
        writer.interrupt();
    }
}
