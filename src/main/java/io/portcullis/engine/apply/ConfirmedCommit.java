package io.portcullis.engine.apply;

import io.portcullis.engine.memory.Quirk;
import io.portcullis.engine.memory.RouterMemory;
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
 * The forward path of a transaction once the candidate is locked and clean: edit, validate, read the candidate back
 * and prove it, journal the persist token (two-phase), send the confirmed commit, read running back and prove it;
 * then confirm at once ({@link Confirmation}) or, under two-phase, hand the open session to the run
 * ({@link PendingConfirm}). Any failure leaves through {@link Revert}. Also the one router quirk this path works
 * around: {@code <validate>} that loses the pending edits (yuma123 netconfd).
 */
final class ConfirmedCommit {
    private final EngineContext ctx;
    private final ApplyOptions opts;
    private final Target t;
    private final PlatformAdapter platform;
    private final TransactionState state;
    private final Revert revert;
    private final ReadBackProof proof;
    private final Confirmation confirmation;
    /** Two-phase (--on-failure revert) coordinator, or null: confirm as soon as proven. */
    private final TwoPhaseRun twoPhase;
    /** The run this transaction belongs to (the quirks it finds are remembered under it). */
    private final String runId;

    /** Set when a commit after {@code <validate>} committed nothing and the edits were made again without it. */
    private boolean validateLostEdits;

    ConfirmedCommit(
            EngineContext ctx,
            ApplyOptions opts,
            Target t,
            PlatformAdapter platform,
            TransactionState state,
            Revert revert,
            ReadBackProof proof,
            Confirmation confirmation,
            TwoPhaseRun twoPhase,
            String runId) {
        this.ctx = ctx;
        this.opts = opts;
        this.t = t;
        this.platform = platform;
        this.state = state;
        this.revert = revert;
        this.proof = proof;
        this.confirmation = confirmation;
        this.twoPhase = twoPhase;
        this.runId = runId;
    }

    /** Pushes {@code payload} (and {@code removal}, if any) through the locked candidate of {@code s}; the outcome. */
    RouterOutcome push(RouterSession s, Observed before, boolean cc11, String payload, String removal) {
        state.edited = true;
        boolean validate = validates(s);
        while (true) {
            RouterOutcome stopped = editAndProveCandidate(s, before, payload, removal, validate);
            if (stopped != null) {
                return stopped;
            }
            if (twoPhase != null && cc11 && state.persist == null) {
                stopped = journalPending(s, before);
                if (stopped != null) {
                    return stopped;
                }
            }
            stopped = commitConfirmed(s, before, cc11);
            if (stopped != null) {
                return stopped;
            }
            Observed after = null;
            String problem;
            try {
                after = Observed.read(s, t, platform, Datastore.RUNNING);
                problem = proof.problem(after, "read-back");
                state.provenDigest = after.digest();
            } catch (RouterException e) {
                if (e.sessionGone()) {
                    Transaction.closeQuietly(s);
                    String lost = "the session was lost inside the confirm window (" + e.getMessage() + ")";
                    return state.persist != null
                            ? revert.afterCommit(null, before, cc11, lost)
                            : revert.verified(before, lost);
                }
                problem = "read-back failed: " + e.getMessage();
            }
            if (problem != null && validate && after != null && after.digest().equals(before.digest())) {
                // the candidate was proven and the commit said ok, yet running did not change at all: <validate> lost
                // the pending edits (yuma123 netconfd). Nothing changed, so nothing flips: cancel the empty commit
                // (1.0: the next confirmed commit follows it up), edit again without validate (the commit validates
                // anyway), prove again, go on, and remember it for this router.
                stopped = forgetValidate(s, before, cc11);
                if (stopped != null) {
                    return stopped;
                }
                validate = false;
                continue;
            }
            if (problem != null) {
                return revert.afterCommit(s, before, cc11, problem);
            }
            break;
        }
        if (validateLostEdits) {
            remember(Quirk.VALIDATE_LOSES_EDITS);
        }
        if (twoPhase != null) {
            state.held = true;
            twoPhase.hold(new PendingConfirm(
                    t.name(), confirmation, revert, s, before, cc11, state.persist, opts.confirmTimeout(t, true)));
            return state.done(
                    OutcomeState.APPLIED,
                    Reason.PROVEN_AWAITING_CONFIRM,
                    t.name() + ": committed, read back and proven; waiting for the rest of the run before confirming"
                            + state.provenNote);
        }
        return confirmation.confirmNow(s, before);
    }

    /**
     * Whether to send {@code <validate>}: not when the inventory says {@code validate: false} (an explicit override), the
     * router lacks :validate, or this router is remembered to lose the pending edits on it.
     */
    private boolean validates(RouterSession s) {
        if (!t.device().validateCandidate() || !s.hasCapability(RouterSession.VALIDATE)) {
            return false;
        }
        try {
            if (ctx.guard().memory().quirks(t.name()).contains(Quirk.VALIDATE_LOSES_EDITS)) {
                state.validateWorkaround(
                        "<validate> was skipped: it loses the pending edits on this router (remembered from an earlier run)");
                return false;
            }
        } catch (RouterMemory.MemoryException e) {
            // unknown: validate, and the read-back after the commit still catches lost edits
        }
        return true;
    }

    /** Edit, validate, then read the candidate back and prove it: a candidate that does not hold the intent is never committed. */
    private RouterOutcome editAndProveCandidate(
            RouterSession s, Observed before, String payload, String removal, boolean validate) {
        try {
            s.editConfig(Datastore.CANDIDATE, payload);
            if (removal != null) {
                s.editConfig(Datastore.CANDIDATE, removal);
            }
        } catch (RouterException e) {
            if (e.sessionGone()) {
                // the router never answered the edit: it did not reject it; nothing was committed, so prove nothing
                // changed
                return revert.lostBeforeCommit(
                        s,
                        Reason.valueOf(e.kind().name()),
                        "the session to " + t.name() + " was lost during the edit (" + e.getMessage() + ")",
                        before);
            }
            return revert.uncommitted(s, Reason.EDIT_REJECTED, t.name() + " rejected the edit: " + e.getMessage(), e);
        }
        if (validate) {
            try {
                s.validate(Datastore.CANDIDATE);
            } catch (RouterException e) {
                if (e.sessionGone()) {
                    return revert.lostBeforeCommit(
                            s,
                            Reason.valueOf(e.kind().name()),
                            "the session to " + t.name() + " was lost during <validate> (" + e.getMessage() + ")",
                            before);
                }
                String where = e.errorPath() == null ? "" : " at " + e.errorPath();
                return revert.uncommitted(
                        s, Reason.VALIDATE_FAILED, t.name() + " failed validation" + where + ": " + e.getMessage(), e);
            }
        }
        String problem;
        try {
            problem = proof.problem(Observed.read(s, t, platform, Datastore.CANDIDATE), "the candidate");
        } catch (RouterException e) {
            if (e.sessionGone()) {
                return revert.lostBeforeCommit(
                        s,
                        Reason.SESSION_LOST,
                        "the session to " + t.name() + " was lost while reading the candidate back (" + e.getMessage()
                                + ")",
                        before);
            }
            problem = "the candidate could not be read back (" + e.getMessage() + ")";
        }
        if (problem != null) {
            return revert.uncommitted(
                    s,
                    Reason.CANDIDATE_NOT_PROVEN,
                    t.name() + ": " + problem + "; it was discarded, never committed",
                    new RouterException(RouterException.Kind.RPC_ERROR, "candidate not proven"));
        }
        return null;
    }

    /** Two-phase: the pending commit must survive this session (and this process), so its token is journaled first, durably. */
    private RouterOutcome journalPending(RouterSession s, Observed before) {
        try {
            state.persist = twoPhase.journalPending(t, before, opts.confirmTimeout(t, true));
            return null;
        } catch (java.io.IOException e) {
            return revert.uncommitted(
                    s,
                    Reason.JOURNAL_UNWRITABLE,
                    "the journal " + twoPhase.journal().file() + " could not be written ("
                            + e.getClass().getSimpleName() + "), so no persistent commit was sent to " + t.name(),
                    new RouterException(RouterException.Kind.RPC_ERROR, "journal"));
        }
    }

    /** The confirmed commit (persistent under two-phase); null when sent, else how it ended. */
    private RouterOutcome commitConfirmed(RouterSession s, Observed before, boolean cc11) {
        try {
            if (state.persist != null) {
                s.commitConfirmedPersistent(opts.confirmTimeout(t, twoPhase != null), state.persist);
            } else {
                s.commitConfirmed(opts.confirmTimeout(t, twoPhase != null));
            }
            return null;
        } catch (RouterException e) {
            if (e.sessionGone()) {
                Transaction.closeQuietly(s);
                if (state.persist != null) {
                    // a persistent commit may be pending without a session: cancel it by its token, then look
                    return revert.afterCommit(
                            null,
                            before,
                            cc11,
                            "the session was lost during the confirmed commit (" + e.getMessage() + ")");
                }
                return revert.reconcile(
                        "the session was lost during the confirmed commit (" + e.getMessage() + ")", before);
            }
            return revert.uncommitted(s, Reason.COMMIT_FAILED, t.name() + " refused the commit: " + e.getMessage(), e);
        }
    }

    /**
     * After a confirmed commit that committed nothing because {@code <validate>} lost the edits: cancel it (a server that
     * started no confirm window for it refuses, which is fine: running is unchanged either way) and discard the candidate.
     */
    private RouterOutcome forgetValidate(RouterSession s, Observed before, boolean cc11) {
        try {
            if (state.persist != null) {
                s.cancelPersistent(state.persist);
            } else if (cc11) {
                s.cancelCommit();
            }
        } catch (RouterException e) {
            if (e.sessionGone()) {
                Transaction.closeQuietly(s);
                return revert.verified(
                        before, "the session was lost while cancelling an empty commit (" + e.getMessage() + ")");
            }
        }
        try {
            s.discardChanges();
        } catch (RouterException e) {
            return revert.afterCommit(
                    s,
                    before,
                    cc11,
                    "the candidate could not be reset after <validate> lost the edits (" + e.getMessage() + ")");
        }
        validateLostEdits = true;
        state.validateWorkaround(
                "<validate> lost the pending edits on this router, so they were made again without it (remembered for later runs)");
        return null;
    }

    private void remember(Quirk quirk) {
        try {
            ctx.guard().memory().remember(t.name(), quirk, runId);
        } catch (RouterMemory.MemoryException e) {
            state.warnMore(" (not remembered: " + e.getMessage() + ")");
        }
    }
}
