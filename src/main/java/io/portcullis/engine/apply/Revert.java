package io.portcullis.engine.apply;

import io.portcullis.diff.IntentComparator;
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
 * The ways a {@link Transaction} backs out, each ending in a verified state: discard an uncommitted edit,
 * cancel a confirmed commit (or let it lapse) and prove by read-back that the pre-image is back, or, when
 * the commit's fate is unknown, read the router and say what it holds. Kept apart so the forward path in
 * {@link Transaction} and {@link ConfirmedCommit} reads as a sequence of steps.
 */
final class Revert {
    private final TransactionState state;
    private final EngineContext ctx;
    private final ApplyOptions opts;
    private final Target t;
    private final PlatformAdapter platform;

    Revert(TransactionState state, EngineContext ctx, ApplyOptions opts, Target t, PlatformAdapter platform) {
        this.state = state;
        this.ctx = ctx;
        this.opts = opts;
        this.t = t;
        this.platform = platform;
    }

    /** Before any commit: discard our edit (the lock is ours, the candidate was clean) and unlock. */
    RouterOutcome uncommitted(RouterSession s, Reason reason, String message, RouterException cause) {
        if (!cause.sessionGone()) {
            try {
                // the lock is ours and the candidate was clean before our edit: these are our changes only
                s.discardChanges();
                s.unlock(Datastore.CANDIDATE);
            } catch (RouterException e) {
                if (rollbackFailed(e)) {
                    return state.done(
                            OutcomeState.ROLLBACK_FAILED,
                            Reason.DISCARD_FAILED,
                            message + "; then discarding the candidate failed: " + e.getMessage()
                                    + " — check the candidate by hand");
                }
            }
        }
        return state.done(OutcomeState.FAILED_NOT_APPLIED, reason, message + "; nothing was committed");
    }

    /**
     * The session died before any commit was sent (mid-edit, mid-validate, reading the candidate back). A router drops
     * the uncommitted edits and the lock of a session that ends; the session is closed first (a timed-out one may still
     * be open on the router's side), then running is read on a new session to prove it still holds the pre-image.
     */
    RouterOutcome lostBeforeCommit(RouterSession s, Reason reason, String problem, Observed before) {
        Transaction.closeQuietly(s);
        try (RouterSession fresh = ctx.connector().open(t.device())) {
            Observed now = Observed.read(fresh, t, platform, Datastore.RUNNING);
            state.readBackDigest = now.digest();
            if (now.digest().equals(before.digest())) {
                return state.done(
                        OutcomeState.FAILED_NOT_APPLIED,
                        reason,
                        problem + "; read back on a new session, " + t.name()
                                + " still holds its previous configuration; nothing was committed");
            }
            boolean ours = IntentComparator.compare(
                            state.want.owned(), now.read().intent())
                    .inSync();
            return state.done(
                    OutcomeState.UNKNOWN_RECONCILED,
                    Reason.UNKNOWN_RECONCILED,
                    problem + "; no commit was sent, yet read back on a new"
                            + " session " + t.name() + " holds "
                            + (ours
                                    ? "the new configuration (committed by someone else from the shared candidate)"
                                    : "neither the previous nor the new configuration (changed by someone else meanwhile)"));
        } catch (RouterException e) {
            return state.done(
                    OutcomeState.FAILED_NOT_APPLIED,
                    reason,
                    problem + "; no commit was sent (a router drops uncommitted edits with" + " their session), but "
                            + t.name() + " could not be read back to prove it (" + e.getMessage() + ")");
        }
    }

    /**
     * Undo a confirmed commit that is not to be confirmed: cancel-commit on 1.1 (by persist-id when
     * persistent, on a new session when {@code s} is null or gone), closing the session on 1.0; then
     * verify by read-back that the pre-image is back.
     */
    RouterOutcome afterCommit(RouterSession s, Observed before, boolean cc11, String problem) {
        String persist = state.persist;
        boolean cancelled = false;
        if (s != null && cc11) {
            try {
                if (persist != null) {
                    s.cancelPersistent(persist);
                } else {
                    s.cancelCommit();
                }
                cancelled = true;
                s.discardChanges();
                s.unlock(Datastore.CANDIDATE);
            } catch (RouterException e) {
                if (rollbackFailed(e)) {
                    Transaction.closeQuietly(s);
                    return state.done(
                            OutcomeState.ROLLBACK_FAILED,
                            Reason.ROLLBACK_FAILED,
                            problem + "; cancel-commit failed: " + e.getMessage());
                }
            }
        }
        // 1.0 has no cancel-commit: ending the session reverts a non-persistent confirmed commit
        if (s != null) {
            Transaction.closeQuietly(s);
        }
        if (persist != null && !cancelled) {
            try (RouterSession fresh = ctx.connector().open(t.device())) {
                fresh.cancelPersistent(persist);
                cancelled = true;
            } catch (RouterException e) {
                // nothing pending (never arrived, timed out) or unreachable: the read-back below decides
            }
        }
        state.cancelSent = cancelled;
        return verified(before, problem);
    }

    /** Reads back on a new session until the router holds the pre-image again (or the wait runs out). */
    RouterOutcome verified(Observed before, String problem) {
        long deadline = System.nanoTime() + opts.revertWait().toNanos();
        String last = "it could not be read";
        do {
            try (RouterSession fresh = ctx.connector().open(t.device())) {
                Observed now = Observed.read(fresh, t, platform, Datastore.RUNNING);
                state.readBackDigest = now.digest();
                if (now.digest().equals(before.digest())) {
                    return state.done(
                            OutcomeState.FAILED_ROLLED_BACK,
                            Reason.ROLLED_BACK,
                            problem + "; " + t.name()
                                    + " reverted to its previous configuration (verified by read-back)");
                }
                last = "it still differs from its previous configuration";
            } catch (RouterException e) {
                last = "it could not be read (" + e.getMessage() + ")";
            }
            sleep(200);
        } while (System.nanoTime() < deadline);
        return state.done(
                OutcomeState.ROLLBACK_FAILED,
                Reason.ROLLBACK_NOT_VERIFIED,
                problem + "; " + t.name() + " did not revert: " + last
                        + " — check it by hand before any further automated change");
    }

    /** The commit's outcome is unknown: read running on a new session and say what the router holds. */
    RouterOutcome reconcile(String problem, Observed before) {
        sleep(200);
        try (RouterSession fresh = ctx.connector().open(t.device())) {
            Observed now = Observed.read(fresh, t, platform, Datastore.RUNNING);
            state.readBackDigest = now.digest();
            String holds = now.digest().equals(before.digest())
                    ? "its previous configuration"
                    : IntentComparator.compare(state.want.owned(), now.read().intent())
                                    .inSync()
                            ? "the new configuration (unconfirmed)"
                            : "neither the previous nor the new configuration";
            return state.done(
                    OutcomeState.UNKNOWN_RECONCILED,
                    Reason.UNKNOWN_RECONCILED,
                    problem + "; read-back shows " + t.name() + " holds " + holds);
        } catch (RouterException e) {
            return state.done(
                    OutcomeState.UNKNOWN_RECONCILED,
                    Reason.UNKNOWN,
                    problem + "; " + t.name() + " could not be read back (" + e.getMessage()
                            + ") — its state is unknown, check it by hand");
        }
    }

    private static boolean rollbackFailed(RouterException e) {
        return e.kind() == RouterException.Kind.ROLLBACK_FAILED || "rollback-failed".equals(e.errorTag());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
