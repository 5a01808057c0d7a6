package io.portcullis.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * The queue and its writer thread are {@link BufferedWriter}'s, shared with the run history.
 */
public final class BufferedCounterSamples implements CounterSamples, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BufferedCounterSamples.class);

    private final CounterSamples store;
    private final BufferedWriter<CounterSamples> writes;

    public BufferedCounterSamples(CounterSamples store, int capacity, Duration retry) {
        this.store = store;
        this.writes = new BufferedWriter<>(
                "portcullis-counter-writer",
                () -> store,
                () -> {}, // the store's datasource reconnects by itself
                capacity,
                retry,
                e -> !refusedForGood(e), // unreachable, a pool timeout, a schema not open yet: kept and retried
                new BufferedWriter.Texts(
                        "counter history cannot be written (kept in memory, retried every %1$s): %2$s",
                        "counter history: the database answers again (%d rows waiting)",
                        "counter samples dropped: %s"));
    }

    /** Queued (weighing its rows against the capacity): written by the writer thread, in order, when the database answers. */
    @Override
    public void write(List<CounterDelta> rows) {
        if (!rows.isEmpty()) {
            List<CounterDelta> copy = List.copyOf(rows);
            writes.enqueue(copy.size(), s -> s.write(copy));
        }
    }

    /** Queued like the writes (returns 0: how many rows went is logged by the writer). */
    @Override
    public int prune(Instant cutoff) {
        writes.enqueue(0, s -> {
            int n = s.prune(cutoff);
            if (n > 0) {
                LOG.infof("counter retention: %d samples of intervals that ended before %s deleted", n, cutoff);
            }
        });
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
            writes.failedToRead(e.getMessage());
            throw e;
        }
    }

    /** Rows waiting to be written. */
    public int unwritten() {
        return writes.waiting();
    }

    /** Rows dropped: beyond the capacity while the database was down, or refused by it for good. */
    public long dropped() {
        return writes.dropped();
    }

    /** Why the database could not be written or read last time, one sentence, or null. */
    public String lastError() {
        return writes.lastError();
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

    /** Waits until everything queued so far is written (tests, shutdown); false on timeout. */
    public boolean flush(Duration timeout) {
        return writes.flush(timeout);
    }

    @Override
    public void close() {
        writes.close();
    }
}
