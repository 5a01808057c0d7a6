package io.portcullis.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The port to the run history. Writes are small independent transactions (one run row, one router row, one
 * drift observation), so several CLI runs and service replicas can write to one database at once: rows of
 * different runs never conflict, and a run's rows are written by the one process that runs it.
 *
 * <p>Every method throws {@link StoreException} (one sentence, no secrets) when the database cannot do it;
 * callers decide whether that stops anything (it never stops a run: see the recorders in the CLI and service).
 */
public interface RunStore extends AutoCloseable {

    void beginRun(RunStart run);

    /** Records (or replaces, e.g. a provisional outcome with the final one) one router's part of a run. */
    void recordRouter(String runId, RouterRecord router);

    /**
     * Records several routers of one run as recording each in turn would (a router given twice ends with its last
     * record); a store that can writes them in one transaction, so a run of 1,000 routers does not pay 1,000 commits.
     */
    default void recordRouters(String runId, List<RouterRecord> routers) {
        routers.forEach(r -> recordRouter(runId, r));
    }

    default void finishRun(String runId, Instant finishedAt, int exitCode, String haltedBecause) {
        finishRun(runId, finishedAt, exitCode, haltedBecause, null);
    }

    /**
     * Ends a run; {@code checks} (null for runs that are not serve's drift checks) says how many routers the check
     * covered and how many it did not record because they had not changed since their last recorded check.
     */
    void finishRun(String runId, Instant finishedAt, int exitCode, String haltedBecause, CheckCounts checks);

    /**
     * One drift check result for one router: in sync resolves the router's open event; a fingerprint opens an
     * event (resolving an open one with another fingerprint) or, when the same one is open, marks it still open.
     *
     * @return the router's event after the observation (empty when in sync)
     */
    Optional<DriftEvent> recordDrift(DriftObservation observation);

    void recordDelivery(AlertDelivery delivery);

    /** Runs matching the query, newest first, with per-state counts and without router detail. */
    List<HistoryRun> history(HistoryQuery query);

    /** One run with every router (an id prefix of at least 6 characters is accepted when it is unique). */
    Optional<HistoryRun> run(String id);

    /** The managed subtree a run recorded for a router before touching it (JSON), for a later rollback. */
    Optional<String> preImage(String runId, String router);

    /** Open drift events, or a router's events newest first (open and resolved) when {@code router} is given. */
    List<DriftEvent> driftEvents(String router, int limit);

    /** Delivery attempts of a router's alerts, newest first. */
    List<AlertDelivery> deliveries(String router, int limit);

    /** Deletes runs that started before {@code cutoff} (with their routers), resolved drift events and deliveries older than it. */
    int prune(Instant cutoff);

    /** Keeps the policy documents of a revision a run applies (again), under its digest. */
    void recordPolicy(PolicySnapshot snapshot);

    /** The snapshot of a revision by its policy digest. */
    Optional<PolicySnapshot> policy(String digest);

    /** The revision some run applied most recently, if any was recorded. */
    Optional<PolicySnapshot> newestPolicy();

    /** Per router, the revision last applied successfully to it (routers never applied with a recorded digest are absent). */
    List<AppliedRevision> appliedRevisions();

    /** Apply, remediation and recover runs started after {@code since} that have not finished (they may hold routers now). */
    List<OpenRun> openRuns(Instant since);

    /** Finished apply and recover runs started after {@code since} not yet audited for overwritten changes, oldest first. */
    List<String> unauditedRuns(Instant since);

    /** Changes nobody alerted that the run overwrote (see {@link OverwrittenChange}); empty when there were none. */
    List<OverwrittenChange> overwrittenChanges(String runId);

    /**
     * Marks a run audited once its findings were alerted; false when another replica marked it first (only the leader
     * audits, so that happens only around a change of leader, when both may have alerted it).
     */
    boolean markAudited(String runId, String by, int overwritten);

    /** A cheap round trip (for readiness checks). */
    void ping();

    @Override
    void close();
}
