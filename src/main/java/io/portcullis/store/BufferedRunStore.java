package io.portcullis.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The service's store: writes are queued and written in order by one thread, so the service keeps watching
 * when the database is down; what it could not write waits in memory (at most {@code capacity} writes; beyond
 * that the oldest are dropped and counted) and is written once the database answers again; a record the database
 * refuses for a lasting reason (not a connection problem, not a deadlock) is dropped and counted too, so it cannot hold
 * up the rest. The database is
 * opened lazily and reopened after a failure, so the service also starts without it. Reads go straight through
 * and throw {@link StoreException} while it is down. {@link #healthy()} feeds the readiness check.
 */
public final class BufferedRunStore implements RunStore {
    private static final Logger LOG = Logger.getLogger(BufferedRunStore.class);

    private final Supplier<RunStore> opener;
    private final int capacity;
    private final Duration retry;
    private final Deque<Consumer<RunStore>> queue = new ArrayDeque<>();
    private final Thread writer;
    private RunStore store;
    private volatile String lastError;
    private volatile long dropped;
    private volatile boolean closed;

    public BufferedRunStore(Supplier<RunStore> opener, int capacity, Duration retry) {
        this.opener = opener;
        this.capacity = capacity;
        this.retry = retry;
        this.writer = new Thread(this::drain, "portcullis-store-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** True when the last attempt to reach the database worked and nothing waits. */
    public boolean healthy() {
        synchronized (queue) {
            return lastError == null && queue.isEmpty();
        }
    }

    /** Readiness: with nothing waiting, a ping tells whether the database answers now (and clears an old error). */
    public boolean probe() {
        if (buffered() > 0) {
            return false;
        }
        try {
            connected().ping();
            lastError = null;
            return true;
        } catch (StoreException e) {
            lastError = e.getMessage();
            reset();
            return false;
        }
    }

    public int buffered() {
        synchronized (queue) {
            return queue.size();
        }
    }

    public long dropped() {
        return dropped;
    }

    /** Why the database could not be written, one sentence, or null. */
    public String lastError() {
        return lastError;
    }

    private void enqueue(Consumer<RunStore> write) {
        synchronized (queue) {
            if (queue.size() >= capacity) {
                queue.pollFirst();
                dropped++;
            }
            queue.addLast(write);
            queue.notifyAll();
        }
    }

    private void drain() {
        while (!closed) {
            Consumer<RunStore> next;
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
            RunStore db;
            try {
                db = connected();
            } catch (StoreException e) {
                failed(e); // cannot open (unreachable, login, schema): keep everything and try again later
                continue;
            }
            try {
                next.accept(db);
                synchronized (queue) {
                    queue.pollFirst();
                }
                if (lastError != null) {
                    LOG.infof("database reachable again; writing %d buffered records", buffered());
                }
                lastError = null;
            } catch (StoreException e) {
                if (SqlErrors.retryable(e)) {
                    failed(e);
                } else {
                    refused(e); // retrying would fail the same way and hold up every later record
                }
            } catch (RuntimeException e) {
                refused(e);
            }
        }
    }

    private void failed(StoreException e) {
        if (lastError == null) {
            LOG.warnf("cannot record into the database (records are buffered and retried): %s", e.getMessage());
        }
        lastError = e.getMessage();
        reset();
        sleep();
    }

    /** A record the database refuses for good (not a connection problem) must not block the others. */
    private void refused(RuntimeException e) {
        LOG.warnf("a record was dropped: %s", e.getMessage());
        synchronized (queue) {
            queue.pollFirst();
            dropped++;
        }
    }

    private synchronized RunStore connected() {
        if (store == null) {
            store = opener.get();
        }
        return store;
    }

    private synchronized void reset() {
        if (store != null) {
            store.close();
            store = null;
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
            if (buffered() == 0) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return buffered() == 0;
    }

    @Override
    public void beginRun(RunStart run) {
        enqueue(s -> s.beginRun(run));
    }

    @Override
    public void recordRouter(String runId, RouterRecord router) {
        enqueue(s -> s.recordRouter(runId, router));
    }

    @Override
    public void finishRun(String runId, Instant finishedAt, int exitCode, String haltedBecause, CheckCounts checks) {
        enqueue(s -> s.finishRun(runId, finishedAt, exitCode, haltedBecause, checks));
    }

    /** Queued like every write; the event it returns is not known yet, hence always empty. */
    @Override
    public Optional<DriftEvent> recordDrift(DriftObservation observation) {
        enqueue(s -> s.recordDrift(observation));
        return Optional.empty();
    }

    @Override
    public void recordDelivery(AlertDelivery delivery) {
        enqueue(s -> s.recordDelivery(delivery));
    }

    @Override
    public List<HistoryRun> history(HistoryQuery query) {
        return read().history(query);
    }

    @Override
    public Optional<HistoryRun> run(String id) {
        return read().run(id);
    }

    @Override
    public Optional<String> preImage(String runId, String router) {
        return read().preImage(runId, router);
    }

    @Override
    public List<DriftEvent> driftEvents(String router, int limit) {
        return read().driftEvents(router, limit);
    }

    @Override
    public List<AlertDelivery> deliveries(String router, int limit) {
        return read().deliveries(router, limit);
    }

    @Override
    public int prune(Instant cutoff) {
        return read().prune(cutoff);
    }

    @Override
    public void recordPolicy(PolicySnapshot snapshot) {
        enqueue(s -> s.recordPolicy(snapshot));
    }

    @Override
    public Optional<PolicySnapshot> policy(String digest) {
        return read().policy(digest);
    }

    @Override
    public Optional<PolicySnapshot> newestPolicy() {
        return read().newestPolicy();
    }

    @Override
    public List<AppliedRevision> appliedRevisions() {
        return read().appliedRevisions();
    }

    @Override
    public List<OpenRun> openRuns(Instant since) {
        return read().openRuns(since);
    }

    @Override
    public void ping() {
        read().ping();
    }

    private RunStore read() {
        try {
            return connected();
        } catch (StoreException e) {
            lastError = e.getMessage();
            throw e;
        }
    }

    @Override
    public void close() {
        flush(Duration.ofSeconds(5));
        closed = true;
        writer.interrupt();
        reset();
    }
}
