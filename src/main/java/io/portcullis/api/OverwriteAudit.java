package io.portcullis.api;

import io.portcullis.alert.Alert;
import io.portcullis.alert.DriftAlerter;
import io.portcullis.store.DriftObservation;
import io.portcullis.store.OverwrittenChange;
import io.portcullis.store.RunStore;
import io.portcullis.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Alerts out-of-band changes that an apply overwrote before any check of serve saw them (the soak's finding D). Such a
 * change lived between two notifications serve missed (its session to the router was down, or busy) and the next
 * check; the apply that overwrote it read it as its pre-image and recorded it, so the run history knows what serve
 * does not: {@link RunStore#overwrittenChanges} compares, router by router, what each finished apply read before
 * editing with what the router held after the previous Portcullis run on it.
 *
 * <p>Each finished apply or recover run is audited once, by the leader, after the runs recorded in the last
 * {@link #WINDOW}: the findings are alerted (a drift alert fired and resolved at once, "changed out of band, then
 * overwritten by run X"; the author is unknown, no notification named one) and kept as a drift event that opened and
 * resolved, then the run is marked audited in the database, so a restart or another replica does not alert it again.
 * A marking that fails is retried at the next audit, which may alert the same finding again: at least once, never lost.
 */
final class OverwriteAudit {
    /** Runs older than this are not audited (a service started after a long outage does not page for last month). */
    static final Duration WINDOW = Duration.ofHours(24);

    private static final Logger LOG = Logger.getLogger(OverwriteAudit.class);

    private final RunStore store;
    private final DriftAlerter alerter;
    private final Predicate<String> watched;
    private final String replica;
    private String lastError;

    /**
     * @param watched whether this service watches a router (others' findings are not its to alert)
     * @param replica the name the audit is marked with
     */
    OverwriteAudit(RunStore store, DriftAlerter alerter, Predicate<String> watched, String replica) {
        this.store = store;
        this.alerter = alerter;
        this.watched = watched;
        this.replica = replica;
    }

    /** Audits every finished run not audited yet; returns the overwritten changes it alerted. */
    synchronized int run(Instant now) {
        int alerted = 0;
        try {
            for (String runId : store.unauditedRuns(now.minus(WINDOW))) {
                List<OverwrittenChange> found = store.overwrittenChanges(runId);
                for (OverwrittenChange c : found) {
                    if (watched.test(c.router()) && alert(c)) {
                        alerted++;
                    }
                }
                store.markAudited(runId, replica, found.size());
            }
            if (lastError != null) {
                LOG.infof("overwrite audit: the run history is readable again");
                lastError = null;
            }
        } catch (StoreException e) {
            if (!e.getMessage().equals(lastError)) {
                LOG.warnf("overwrite audit: %s (tried again at the next audit)", e.getMessage());
            }
            lastError = e.getMessage();
        }
        return alerted;
    }

    private boolean alert(OverwrittenChange c) {
        String fingerprint = "overwritten-by-" + c.shortRunId();
        String summary = summary(c);
        List<Alert> decided = alerter.reportPastDrift(new DriftAlerter.Observation(
                c.router(), c.platform(), fingerprint, summary, c.changes(), c.impact(), null));
        if (decided.isEmpty()) {
            return false; // a drift alert of the router is open: it tells the router's story now
        }
        LOG.warnf("%s", summary);
        // the history keeps it as a drift that opened and resolved, dated at the run's start (before the run's own
        // rows, so that it never hides a later run's finding)
        store.recordDrift(new DriftObservation(
                c.router(),
                c.platform(),
                fingerprint,
                summary,
                c.changes(),
                c.impact(),
                null,
                c.runId(),
                c.runStartedAt()));
        store.recordDrift(DriftObservation.inSync(c.router(), c.platform(), c.runId(), c.runStartedAt()));
        return true;
    }

    static String summary(OverwrittenChange c) {
        return c.router() + " was changed out of band and no check saw it before " + c.runKind() + " run "
                + c.shortRunId() + (c.actor() == null ? "" : " by " + c.actor()) + " (started " + c.runStartedAt()
                + ") read the change and overwrote it; who made it is unknown (no notification named anyone). The"
                + " run's changes on the router, the revision's and the overwritten ones together, are listed";
    }
}
