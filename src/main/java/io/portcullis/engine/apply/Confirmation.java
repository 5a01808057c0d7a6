package io.portcullis.engine.apply;

import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.Reason;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.router.Datastore;
import io.portcullis.engine.router.Observed;
import io.portcullis.engine.router.RouterException;
import io.portcullis.engine.router.RouterSession;
import io.portcullis.engine.targets.Target;
import io.portcullis.platform.PlatformAdapter;

/**
 * The last step of a transaction: the confirming commit of a proven change (plain on the session, or by persist-id,
 * on a new session when the old one is gone), the read-back that tells a late confirm from a real one, the unlock and
 * the save to startup; and the same save for a router that already held the policy. Called by {@link ConfirmedCommit}
 * at once, or by {@link PendingConfirm} when a two-phase run decides to confirm.
 */
final class Confirmation {
    private final EngineContext ctx;
    private final ApplyOptions opts;
    private final Target t;
    private final PlatformAdapter platform;
    private final TransactionState state;
    private final Revert revert;
    private final ReadBackProof proof;
    private final boolean twoPhase;

    Confirmation(
            EngineContext ctx,
            ApplyOptions opts,
            Target t,
            PlatformAdapter platform,
            TransactionState state,
            Revert revert,
            ReadBackProof proof,
            boolean twoPhase) {
        this.ctx = ctx;
        this.opts = opts;
        this.t = t;
        this.platform = platform;
        this.state = state;
        this.revert = revert;
        this.proof = proof;
        this.twoPhase = twoPhase;
    }

    /** The confirming commit (plain on this session, or by persist-id), then unlock. */
    RouterOutcome confirmNow(RouterSession s, Observed before) {
        String persist = state.persist;
        try {
            if (persist != null) {
                s.confirmPersistent(persist);
            } else {
                s.commit();
            }
        } catch (RouterException e) {
            Transaction.closeQuietly(s);
            if (e.sessionGone()) {
                if (persist != null) {
                    return confirmOnFreshSession(before, e);
                }
                return revert.reconcile("the session was lost while confirming (" + e.getMessage() + ")", before);
            }
            if (persist != null) {
                return revert.afterCommit(
                        null, before, true, "the confirming commit was refused (" + e.getMessage() + ")");
            }
            return revert.verified(before, "the confirming commit was refused (" + e.getMessage() + ")");
        }
        if (persist == null) {
            RouterOutcome late = revertedBeforeTheConfirm(s, before);
            if (late != null) {
                return late;
            }
        }
        try {
            s.unlock(Datastore.CANDIDATE);
        } catch (RouterException ignored) {
            // the commit is confirmed; the lock goes with the session anyway
        }
        String notSaved = StartupSave.applies(s) ? StartupSave.save(s, t, platform, state.provenDigest) : null;
        Transaction.closeQuietly(s);
        if (notSaved != null) {
            return state.done(
                    OutcomeState.APPLIED,
                    Reason.STARTUP_NOT_SAVED,
                    t.name() + ": committed, read back, proven and confirmed" + state.provenNote + ", "
                            + StartupSave.notSavedMessage(t.name(), notSaved));
        }
        return state.done(
                OutcomeState.APPLIED,
                Reason.APPLIED,
                t.name() + ": committed, read back, proven and confirmed" + state.provenNote);
    }

    /** Running already keeps the policy; on a :startup router, startup must hold it too (an earlier save may have failed). */
    RouterOutcome alreadyHeld(RouterSession s, Observed running) {
        if (!StartupSave.applies(s) || StartupSave.inStep(s, t, platform, running.digest())) {
            return state.done(OutcomeState.NO_CHANGE, Reason.IN_SYNC, t.name() + " already holds the policy");
        }
        String notSaved = StartupSave.save(s, t, platform, running.digest());
        if (notSaved != null) {
            return state.done(
                    OutcomeState.NO_CHANGE,
                    Reason.STARTUP_NOT_SAVED,
                    t.name() + " already holds the policy in running, "
                            + StartupSave.notSavedMessage(t.name(), notSaved));
        }
        return state.done(
                OutcomeState.NO_CHANGE,
                Reason.STARTUP_SAVED,
                t.name() + " already held the policy in running; startup did not, and now does");
    }

    /**
     * A plain {@code <commit/>} that reaches the router after its confirm timer ran out is no error (RFC 6241 8.4):
     * it commits whatever the candidate holds, which after the revert is the pre-image. Only a read-back tells
     * (D.1 #4, found by FaultOutcomeLabTest): null when the router still holds the proven change.
     */
    private RouterOutcome revertedBeforeTheConfirm(RouterSession s, Observed before) {
        String problem;
        try {
            problem = proof.problem(Observed.read(s, t, platform, Datastore.RUNNING), "read-back");
        } catch (RouterException e) {
            Transaction.closeQuietly(s);
            return revert.reconcile(
                    "the change could not be read back after the confirming commit (" + e.getMessage() + ")", before);
        }
        if (problem == null) {
            return null;
        }
        Transaction.closeQuietly(s);
        // two causes look alike here: the confirm came too late and the router reverted (running is the pre-image), or
        // someone else changed the router between commit and read-back (it is not); revert.verified tells them apart
        return revert.verified(
                before,
                "after the confirming commit " + t.name() + " no longer holds the proven change (" + problem + "): its "
                        + opts.confirmTimeout(t, twoPhase)
                        + " s confirm timer ran out first, or someone changed it meanwhile");
    }

    /** A persistent commit outlives the session: confirm it by its token from a new one. */
    private RouterOutcome confirmOnFreshSession(Observed before, RouterException lost) {
        try (RouterSession fresh = ctx.connector().open(t.device())) {
            fresh.confirmPersistent(state.persist);
            String notSaved =
                    StartupSave.applies(fresh) ? StartupSave.save(fresh, t, platform, state.provenDigest) : null;
            String confirmed = t.name()
                    + ": committed, read back, proven and confirmed (by persist-id on a new session)"
                    + state.provenNote;
            return notSaved == null
                    ? state.done(OutcomeState.APPLIED, Reason.APPLIED, confirmed)
                    : state.done(
                            OutcomeState.APPLIED,
                            Reason.STARTUP_NOT_SAVED,
                            confirmed + ", " + StartupSave.notSavedMessage(t.name(), notSaved));
        } catch (RouterException e) {
            return revert.reconcile(
                    "the session was lost while confirming (" + lost.getMessage() + ") and confirming again failed ("
                            + e.getMessage() + ")",
                    before);
        }
    }
}
