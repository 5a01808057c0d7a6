package io.portcullis.engine.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.portcullis.diff.ChangeItem;
import io.portcullis.diff.FateItem;
import io.portcullis.engine.targets.Target;
import java.util.List;

/**
 * The final, verified state of one router after apply, with the reason in two forms: a stable
 * code for machines (LOCKED_BY, FOREIGN_UNCOMMITTED_CHANGES, VALIDATE_FAILED, STALE_PLAN, …) and
 * one sentence for people.
 *
 * @param changes  the classified changes that were (to be) made
 * @param impact   packet-fate lines of those changes
 * @param image    running before/after and the pre-image, for the run history (not in report files), or null
 * @param changeItems the same changes structured, for the apply document (empty where only sentences are known)
 * @param impactItems the same packet fates structured
 * @param workarounds what had to be done differently on this router, as stable codes ({@link #VALIDATE_SKIPPED}); the
 *                 message has the one-line warning
 */
public record RouterOutcome(
        String router,
        String platform,
        OutcomeState state,
        String reason,
        String message,
        List<String> changes,
        List<String> impact,
        long millis,
        @JsonIgnore RunningImage image,
        @JsonIgnore List<ChangeItem> changeItems,
        @JsonIgnore List<FateItem> impactItems,
        List<String> workarounds) {
    /** The candidate was not validated separately because {@code <validate>} loses the pending edits there (the commit validates). */
    public static final String VALIDATE_SKIPPED = "VALIDATE_SKIPPED";

    /** Provisional reason under --on-failure revert: proven, in its confirm window, decided by the whole run. */
    public static final String AWAITING_CONFIRM = Reason.PROVEN_AWAITING_CONFIRM.name();

    public RouterOutcome {
        changes = List.copyOf(changes);
        impact = List.copyOf(impact);
        changeItems = changeItems == null ? List.of() : List.copyOf(changeItems);
        impactItems = impactItems == null ? List.of() : List.copyOf(impactItems);
        workarounds = workarounds == null ? List.of() : List.copyOf(workarounds);
    }

    /** An outcome that needed no workaround. */
    public RouterOutcome(
            String router,
            String platform,
            OutcomeState state,
            String reason,
            String message,
            List<String> changes,
            List<String> impact,
            long millis,
            RunningImage image,
            List<ChangeItem> changeItems,
            List<FateItem> impactItems) {
        this(
                router,
                platform,
                state,
                reason,
                message,
                changes,
                impact,
                millis,
                image,
                changeItems,
                impactItems,
                List.of());
    }

    /** An outcome whose changes are known only as sentences (or not at all). */
    public RouterOutcome(
            String router,
            String platform,
            OutcomeState state,
            String reason,
            String message,
            List<String> changes,
            List<String> impact,
            long millis,
            RunningImage image) {
        this(router, platform, state, reason, message, changes, impact, millis, image, List.of(), List.of(), List.of());
    }

    /** An outcome without a running image (the router was not read). */
    public RouterOutcome(
            String router,
            String platform,
            OutcomeState state,
            String reason,
            String message,
            List<String> changes,
            List<String> impact,
            long millis) {
        this(router, platform, state, reason, message, changes, impact, millis, null, List.of(), List.of(), List.of());
    }

    /**
     * Whether this outcome counts toward halting the rollout (--max-failures, a failed canary). A router refused
     * because it changed since the saved plan was never touched, so it is no sign that the change is harmful:
     * the others proceed, as plan files promise; it still fails the run.
     */
    public boolean haltsRollout() {
        return state.failure() && !Reason.STALE_PLAN.name().equals(reason);
    }

    public static RouterOutcome notContacted(Target t) {
        return new RouterOutcome(
                t.name(),
                t.device().platform(),
                OutcomeState.NOT_CONTACTED,
                "HALTED",
                t.name() + " was not contacted because the rollout halted",
                List.of(),
                List.of(),
                0);
    }
}
