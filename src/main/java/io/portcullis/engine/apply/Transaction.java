package io.portcullis.engine.apply;

import io.portcullis.diff.Change;
import io.portcullis.diff.ChangeSet;
import io.portcullis.diff.FateChange;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.plan.Wanted;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.Reason;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.router.Datastore;
import io.portcullis.engine.router.Observed;
import io.portcullis.engine.router.RouterException;
import io.portcullis.engine.router.RouterSession;
import io.portcullis.engine.targets.Target;
import io.portcullis.platform.PlatformAdapter;
import java.util.List;

/**
 * The safe push to one router: read, lock candidate, edit, validate, confirmed commit, read back
 * and prove, confirm, unlock. Success means the running configuration was read back, equals the
 * intent and keeps the promise. Every failure ends in a verified state (see {@link OutcomeState}) with a
 * {@link Reason}.
 *
 * <p>This class is the front of the state machine and its first two states; each later state is a class of its own:
 *
 * <ol>
 *   <li>{@link #run()} opens a session and retries once on a fresh one when a reply never came before anything was
 *       edited;
 *   <li>{@link #attempt} reads running and refuses (stale plan, foreign filter, unprovable chain, unrenderable policy,
 *       no candidate or confirmed commit, candidate lock refused by {@link CandidateLock}) or finds nothing to do
 *       ({@link Confirmation#alreadyHeld});
 *   <li>{@link ConfirmedCommit} edits, validates, proves the candidate, commits with a confirm timer and proves the
 *       read-back ({@link ReadBackProof});
 *   <li>{@link Confirmation} confirms (or, under two-phase, {@link PendingConfirm} does once the run decides), unlocks
 *       and saves to startup.
 * </ol>
 *
 * Every way back out (discard, cancel, lapse, reconcile) is in {@link Revert}; what the steps learn, and the outcome
 * it becomes, is in {@link TransactionState}.
 */
public final class Transaction {
    private final EngineContext ctx;
    private final ApplyOptions opts;
    private final Target t;
    private final PlatformAdapter platform;
    /** The managed-subtree digest the plan saw, or null for a fresh apply. */
    private final String plannedDigest;

    private final TransactionState state;
    private final Revert revert;
    private final Confirmation confirmation;
    private final ConfirmedCommit commit;

    public Transaction(EngineContext ctx, ApplyOptions opts, Target t, String plannedDigest) {
        this(ctx, opts, t, plannedDigest, null, "-");
    }

    /**
     * @param twoPhase the two-phase (--on-failure revert) coordinator, or null: confirm as soon as proven
     * @param runId the run this transaction belongs to (the quirks it finds are remembered under it)
     */
    public Transaction(
            EngineContext ctx, ApplyOptions opts, Target t, String plannedDigest, TwoPhaseRun twoPhase, String runId) {
        this.ctx = ctx;
        this.opts = opts;
        this.t = t;
        this.platform = ctx.platform(t);
        this.plannedDigest = plannedDigest;
        this.state = new TransactionState(t, twoPhase);
        ReadBackProof proof = new ReadBackProof(ctx, t, state);
        this.revert = new Revert(state, ctx, opts, t, platform);
        this.confirmation = new Confirmation(ctx, opts, t, platform, state, revert, proof, twoPhase != null);
        this.commit = new ConfirmedCommit(ctx, opts, t, platform, state, revert, proof, confirmation, twoPhase, runId);
    }

    public RouterOutcome run() {
        boolean retried = false;
        while (true) {
            RouterSession s;
            try {
                s = ctx.connector().open(t.device());
            } catch (RouterException e) {
                // a wrong password or host key is not a network problem: say which, so the operator looks in the right
                // place
                return state.done(OutcomeState.FAILED_NOT_APPLIED, connectReason(e), e.getMessage());
            }
            try {
                return attempt(s);
            } catch (RouterException e) {
                if (e.kind() == RouterException.Kind.TIMEOUT && !state.edited && !retried) {
                    // a reply that never came, before anything was edited: one more go on a fresh session (closing this
                    // one
                    // releases whatever it locked). yuma123 netconfd swallows a reply about once in a few hundred
                    // sessions.
                    retried = true;
                    continue;
                }
                return state.done(
                        OutcomeState.FAILED_NOT_APPLIED,
                        e.unreachable()
                                ? connectReason(e)
                                : Reason.valueOf(e.kind().name()),
                        e.getMessage());
            } finally {
                if (!state.held) {
                    closeQuietly(s); // idempotent; some paths closed it already to make the router revert
                }
            }
        }
    }

    /** The reason for a failure to reach or log in to a router: credentials and host keys keep their own codes. */
    private static Reason connectReason(RouterException e) {
        return switch (e.kind()) {
            case AUTH_FAILED -> Reason.AUTH_FAILED;
            case HOST_KEY -> Reason.HOST_KEY;
            default -> Reason.UNREACHABLE;
        };
    }

    /** One go on an open session: read, refuse or find nothing to do, render, lock, then push. */
    private RouterOutcome attempt(RouterSession s) {
        Observed before = Observed.read(s, t, platform, Datastore.RUNNING);
        state.before = before;
        if (plannedDigest != null && !plannedDigest.equals(before.digest())) {
            return state.done(
                    OutcomeState.FAILED_NOT_APPLIED,
                    Reason.STALE_PLAN,
                    t.name()
                            + " changed since the plan was made (its managed configuration differs); run plan again and review the new change");
        }
        Wanted want = ctx.want(t, before.read());
        state.want = want;
        if (!want.refusals().isEmpty()) {
            return state.done(
                    OutcomeState.FAILED_NOT_APPLIED,
                    Reason.FOREIGN_FILTER_BOUND,
                    want.refusals().get(0));
        }
        if (want.chained()) {
            // prove the composite before touching anything: an operator entry may pre-empt ours
            List<String> failures =
                    want.prove(want.owned(), before.read(), t.promise()).failures();
            if (!failures.isEmpty()) {
                return state.done(
                        OutcomeState.FAILED_NOT_APPLIED,
                        Reason.CHAIN_NOT_PROVEN,
                        t.name() + ": chaining into the operator's filter"
                                + " would not keep the policy, so nothing was edited: " + failures.get(0));
            }
        }
        ChangeSet cs = ctx.explainer()
                .explain(
                        platform,
                        want.owned(),
                        before.read().intent(),
                        t.promise(),
                        want.effective(want.owned(), before.read()),
                        want.effective(before.read().intent(), before.read()));
        state.changes = cs.diff().changes().stream().map(Change::describe).toList();
        state.impact = cs.fates().stream().map(FateChange::describe).toList();
        state.changeItems = cs.diff().changes().stream().map(Change::item).toList();
        state.impactItems = cs.fates().stream().map(FateChange::item).toList();
        if (cs.isEmpty()) {
            return confirmation.alreadyHeld(s, before);
        }
        String payload;
        String removal;
        try {
            payload = platform.renderConfig(want.owned());
            removal = want.stale(before.read().intent())
                    .map(platform::renderRemoval)
                    .orElse(null);
        } catch (RuntimeException e) {
            return state.done(
                    OutcomeState.FAILED_NOT_APPLIED,
                    Reason.RENDER_FAILED,
                    "the policy cannot be rendered for " + t.name() + ": " + e.getMessage());
        }
        if (!s.hasCapability(RouterSession.CANDIDATE)) {
            return state.done(
                    OutcomeState.FAILED_NOT_APPLIED,
                    Reason.NO_CANDIDATE,
                    t.name()
                            + " has no candidate datastore; Portcullis only applies through a locked candidate and a confirmed commit");
        }
        boolean cc11 = s.hasCapability(RouterSession.CONFIRMED_COMMIT_11);
        if (!cc11 && !s.hasCapability(RouterSession.CONFIRMED_COMMIT_10)) {
            return state.done(
                    OutcomeState.FAILED_NOT_APPLIED,
                    Reason.NO_CONFIRMED_COMMIT,
                    t.name()
                            + " does not support confirmed commit, so a bad change could not revert on its own; not applied");
        }
        CandidateLock.Refusal refused = CandidateLock.acquire(s, t, platform, opts, before);
        if (refused != null) {
            return state.done(OutcomeState.FAILED_NOT_APPLIED, refused.reason(), refused.message());
        }
        return commit.push(s, before, cc11, payload, removal);
    }

    static void closeQuietly(RouterSession s) {
        try {
            s.close();
        } catch (RuntimeException ignored) {
            // closing is best effort; the router releases locks when the session ends
        }
    }
}
