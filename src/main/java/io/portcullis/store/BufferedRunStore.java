package io.portcullis.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The service's store: writes are queued and written in order by one thread, so the service keeps watching
 * when the database is down; what it could not write waits in memory (at most {@code capacity} writes; beyond
 * that the oldest are dropped and counted) and is written once the database answers again; a record the database
 * refuses for a lasting reason (not a connection problem, not a deadlock) is dropped and counted too, so it cannot hold
 * up the rest. The database is
 * opened lazily and reopened after a failure, so the service also starts without it. Reads go straight through
 * and throw {@link StoreException} while it is down. {@link #healthy()} feeds the readiness check. The queue and its
 * writer thread are {@link BufferedWriter}'s, shared with the counter history.
 */
public final class BufferedRunStore implements RunStore {
    private final Supplier<RunStore> opener;
    private final BufferedWriter<RunStore> writes;
    private RunStore store;

    public BufferedRunStore(Supplier<RunStore> opener, int capacity, Duration retry) {
        this.opener = opener;
        this.writes = new BufferedWriter<>(
                "portcullis-store-writer",
                this::connected,
                this::reset,
                capacity,
                retry,
                SqlErrors::retryable, // anything else is the record itself: retrying would fail the same way
                new BufferedWriter.Texts(
                        "cannot record into the database (records are buffered and retried every %1$s): %2$s",
                        "database reachable again; writing %d buffered records", "a record was dropped: %s"));
    }

    /** True when the last attempt to reach the database worked and nothing waits. */
    public boolean healthy() {
        return writes.lastError() == null && writes.idle();
    }

    /** Readiness: with nothing waiting, a ping tells whether the database answers now (and clears an old error). */
    public boolean probe() {
        if (buffered() > 0) {
            return false;
        }
        try {
            connected().ping();
            writes.reachable();
            return true;
        } catch (StoreException e) {
            writes.failedToRead(e.getMessage());
            reset();
            return false;
        }
    }

    public int buffered() {
        return writes.waiting();
    }

    public long dropped() {
        return writes.dropped();
    }

    /** Why the database could not be written, one sentence, or null. */
    public String lastError() {
        return writes.lastError();
    }

    /** Every write weighs 1: the capacity counts records (a run start, a router, a drift observation, …). */
    private void enqueue(java.util.function.Consumer<RunStore> write) {
        writes.enqueue(1, write);
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

    /** Waits until everything queued so far is written (tests, shutdown); false on timeout. */
    public boolean flush(Duration timeout) {
        return writes.flush(timeout);
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
    public void recordRouters(String runId, List<RouterRecord> routers) {
        List<RouterRecord> copy = List.copyOf(routers);
        enqueue(s -> s.recordRouters(runId, copy));
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
    public List<String> unauditedRuns(Instant since) {
        return read().unauditedRuns(since);
    }

    @Override
    public List<OverwrittenChange> overwrittenChanges(String runId) {
        return read().overwrittenChanges(runId);
    }

    /** Not queued: the audit marks a run only once it alerted what it found, and tries again when this fails. */
    @Override
    public boolean markAudited(String runId, String by, int overwritten) {
        return read().markAudited(runId, by, overwritten);
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
            writes.failedToRead(e.getMessage());
            throw e;
        }
    }

    @Override
    public void close() {
        writes.close();
        reset();
    }
}
