package io.portcullis.soak;

import io.portcullis.engine.report.OutcomeState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Drift alerts a rollback brought back. An {@code --on-failure revert} run reaches a router that holds an out-of-band
 * change, overwrites it with its provisional commit (serve sees the router in policy and resolves the change's alert, or
 * never saw the change at all), then cancels: the router's own rollback restores what it held before the run, the
 * change included, and the router's notification names the server itself as the author (or a full check sees the
 * drift first and names nobody). serve alerting that drift again is right, and the soak must not count it as a drift
 * without a cause.
 *
 * <p>Evidence, not timing alone: the run that rolled the router back must say so in its report (the router ended
 * FAILED_ROLLED_BACK) and must have found the soak's out-of-band edit in the router's pre-image (a {@code term-missing}
 * change, what {@link OutOfBandChanges} makes), or it ended ROLLBACK_FAILED unverified and the alert names the server
 * (see {@link #leftToItsOwnRollback}); and the alert must open while that run ran or within a minute after it.
 */
final class RollbackRestorations {
    /** How a router's own change (a rollback, a confirm timeout) is named in changed_by. */
    static final String SERVER = "the server";
    /** The kind of change the soak's out-of-band edit shows in a report ({@code OutOfBandEdits.deleteLastTerm}). */
    static final String OUT_OF_BAND_KIND = "term-missing";
    /** A rollback's notification and the check it triggers may come after the run's process ended. */
    static final Duration AFTER_THE_RUN = Duration.ofSeconds(60);

    private RollbackRestorations() {}

    /** The run whose rollback restored an out-of-band change this alert is about, if it is such an alert. */
    static Optional<CiRuns.CliRun> restoredBy(AlertLedger.Alert a, List<CiRuns.CliRun> runs) {
        // the server as the author, or none: a full check may see the restored drift before the rollback's
        // notification is checked (and a remediation may repair it before that check runs)
        if (!a.name().equals(AlertLedger.DRIFT)
                || !a.authors().stream().allMatch(x -> x.contains(SERVER))
                || a.overwriteReport()) {
            return Optional.empty();
        }
        Instant opened = Instant.parse(a.startsAt());
        return runs.stream()
                .filter(r -> r.report() != null
                        && !opened.isBefore(r.started())
                        && !opened.isAfter(r.ended().plus(AFTER_THE_RUN)))
                .filter(r -> r.report().routers().stream()
                        .anyMatch(o -> o.router().equals(a.router())
                                && (rolledBackFromAnEdit(o) || leftToItsOwnRollback(o, a))))
                .findFirst();
    }

    /** The run rolled the router back and read it back, and its pre-image held the soak's edit. */
    private static boolean rolledBackFromAnEdit(ApplyDocument.Outcome o) {
        return o.state() == OutcomeState.FAILED_ROLLED_BACK && o.changeKinds().contains(OUT_OF_BAND_KIND);
    }

    /**
     * The run could not verify its revert (ROLLBACK_NOT_VERIFIED: the router still differed, it is quarantined), so the
     * router's own rollback of the confirmed commit came after, restoring what it held at the commit: with an
     * out-of-band edit that raced the run (made after the run read the router, so its pre-image cannot show it). Seen in
     * `.ci/run`'s SoakTest on 2026-12-07 (seed -4468110955500668764, lab-openconfig-005). Without pre-image evidence only
     * an alert that names the server itself counts, not one without an author.
     */
    private static boolean leftToItsOwnRollback(ApplyDocument.Outcome o, AlertLedger.Alert a) {
        return o.state() == OutcomeState.ROLLBACK_FAILED
                && "ROLLBACK_NOT_VERIFIED".equals(o.reason())
                && !a.authors().isEmpty()
                && a.authors().stream().allMatch(x -> x.contains(SERVER));
    }
}
