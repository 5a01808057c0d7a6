package io.portcullis.engine.apply;

import io.portcullis.diff.ChangeItem;
import io.portcullis.diff.FateItem;
import io.portcullis.engine.plan.Wanted;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.Reason;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunningImage;
import io.portcullis.engine.router.Observed;
import io.portcullis.engine.targets.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * What one {@link Transaction} has learned and done so far, shared by its steps ({@link ConfirmedCommit},
 * {@link Confirmation}, {@link Revert}, {@link ReadBackProof}), and the one place that turns it into the router's
 * {@link RouterOutcome}. Kept in one object so that every way out of the transaction reports the same facts (the
 * change, the pre-image, the last read-back, the journal entry's close) whichever step ends it.
 */
final class TransactionState {
    private final Target t;
    /** Two-phase coordinator whose journal entry {@link #done} closes, or null. */
    private final TwoPhaseRun twoPhase;

    private final long started = System.nanoTime();

    List<String> changes = List.of();
    List<String> impact = List.of();
    List<ChangeItem> changeItems = List.of();
    List<FateItem> impactItems = List.of();
    /** Running as first read by this attempt (the transaction's own get-config, reused for the run history), or null. */
    Observed before;
    /** What the router should hold (the intent, or its chained form); set once running was read. */
    Wanted want;
    /** Persist token of this router's persistent confirmed commit (journaled before it was sent), or null. */
    String persist;
    /** Set before the first edit-config: from then on a failure is never retried, it is reverted or reconciled. */
    boolean edited;
    /** Set once proven under two-phase: the session stays open and the outcome is decided by the run. */
    boolean held;
    /** Whether a cancel-commit reached the router (the journal entry says so). */
    boolean cancelSent;
    /** The managed subtree's digest as read back and proven in the confirm window: what startup must hold after the save. */
    String provenDigest;
    /** Set when the read-back of a chained router is proven except where the operator's own entries drop traffic. */
    String provenNote = "";
    /** The digest a revert or reconcile read back last, or null. */
    String readBackDigest;

    /** What had to be done differently on this router (codes for the report), and the one-line warning saying so. */
    private final List<String> workarounds = new ArrayList<>();

    private String warning = "";

    TransactionState(Target t, TwoPhaseRun twoPhase) {
        this.t = t;
        this.twoPhase = twoPhase;
    }

    /** Records that {@code <validate>} was skipped or dropped on this router, with the warning the outcome carries. */
    void validateWorkaround(String warning) {
        workarounds.add(RouterOutcome.VALIDATE_SKIPPED);
        this.warning = "; warning: " + warning;
    }

    /** Appends a clause to the warning (e.g. that a quirk could not be remembered). */
    void warnMore(String clause) {
        warning += clause;
    }

    /** The router's outcome; closes its journal entry unless it is only provisionally proven (two-phase). */
    RouterOutcome done(OutcomeState state, Reason reason, String message) {
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (persist != null && reason != Reason.PROVEN_AWAITING_CONFIRM) {
            twoPhase.closeEntry(t.name(), state, cancelSent);
        }
        return new RouterOutcome(
                t.name(),
                t.device().platform(),
                state,
                reason.name(),
                message + warning,
                changes,
                impact,
                ms,
                image(state),
                changeItems,
                impactItems,
                workarounds);
    }

    /**
     * Running before and after, from reads this transaction made anyway: unchanged when nothing was committed or
     * the revert was verified, the proven read-back when applied, the last read-back otherwise (null if none).
     * The pre-image only when something was edited: otherwise running still holds it.
     */
    private RunningImage image(OutcomeState state) {
        if (before == null) {
            return null;
        }
        String after =
                switch (state) {
                    case APPLIED -> provenDigest;
                    case NO_CHANGE, FAILED_NOT_APPLIED, FAILED_ROLLED_BACK -> before.digest();
                    default -> readBackDigest;
                };
        return new RunningImage(before.digest(), after, edited ? before.xml() : null);
    }
}
