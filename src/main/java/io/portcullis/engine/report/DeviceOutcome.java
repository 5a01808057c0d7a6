package io.portcullis.engine.report;

import io.portcullis.engine.Target;
import java.util.List;

/**
 * The final, verified state of one router after apply, with the reason in two forms: a stable
 * code for machines (LOCKED_BY, FOREIGN_UNCOMMITTED_CHANGES, VALIDATE_FAILED, STALE_PLAN, …) and
 * one sentence for people.
 *
 * @param changes  the classified changes that were (to be) made
 * @param impact   packet-fate lines of those changes
 */
public record DeviceOutcome(String router, String platform, DeviceState state, String reason, String message,
                            List<String> changes, List<String> impact, long millis) {
    /** Provisional reason under --on-failure revert: proven, in its confirm window, decided by the whole run. */
    public static final String AWAITING_CONFIRM = Reason.PROVEN_AWAITING_CONFIRM.name();

    public DeviceOutcome {
        changes = List.copyOf(changes);
        impact = List.copyOf(impact);
    }

    /**
     * Whether this outcome counts toward halting the rollout (--max-failures, a failed canary). A router refused
     * because it changed since the saved plan was never touched, so it is no sign that the change is harmful:
     * the others proceed, as plan files promise; it still fails the run.
     */
    public boolean haltsRollout() {
        return state.failure() && !Reason.STALE_PLAN.name().equals(reason);
    }

    public static DeviceOutcome notContacted(Target t) {
        return new DeviceOutcome(t.name(), t.device().platform(), DeviceState.NOT_CONTACTED, "HALTED",
                t.name() + " was not contacted because the rollout halted", List.of(), List.of(), 0);
    }
}
