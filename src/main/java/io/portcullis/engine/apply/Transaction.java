package io.portcullis.engine.apply;

import io.portcullis.diff.Change;
import io.portcullis.diff.ChangeSet;
import io.portcullis.diff.FateChange;
import io.portcullis.diff.IntentComparator;
import io.portcullis.diff.IntentDiff;
import io.portcullis.engine.memory.Quirk;
import io.portcullis.engine.memory.RouterMemory;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.plan.Wanted;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.Reason;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunningImage;
import io.portcullis.engine.router.Datastore;
import io.portcullis.engine.router.Observed;
import io.portcullis.engine.router.RouterException;
import io.portcullis.engine.router.RouterSession;
import io.portcullis.engine.targets.Target;
import io.portcullis.platform.PlatformAdapter;
import java.util.ArrayList;
import java.util.List;

/**
 * The safe push to one router: read, lock candidate, edit, validate, confirmed commit, read back
 * and prove, confirm, unlock. Success means the running configuration was read back, equals the
 * intent and keeps the promise. Every failure ends in a verified state (see {@link OutcomeState}) with a
 * {@link Reason}.
 *
 * <p>The steps, in order: {@link #run()} opens a session and retries once on a fresh one when a reply never
 * came before anything was edited; {@link #attempt} reads, refuses (stale plan, foreign filter, unprovable
 * chain, no candidate or confirmed commit, lock refused) or finds nothing to do; {@link #pushLocked} edits,
 * validates, commits with a confirm timer and proves the read-back; {@link #confirmNow} confirms (or, under
 * two-phase, the run does later). Every way back out (discard, cancel, lapse, reconcile) is in {@link Revert}.
 */
public final class Transaction {
    private final EngineContext ctx;
    private final ApplyOptions opts;
    private final Target t;
    private final PlatformAdapter platform;
    /** The managed-subtree digest the plan saw, or null for a fresh apply. */
    private final String plannedDigest;

    private final long started = System.nanoTime();
    private List<String> changes = List.of();
    private List<String> impact = List.of();
    private List<io.portcullis.diff.ChangeItem> changeItems = List.of();
    private List<io.portcullis.diff.FateItem> impactItems = List.of();
    /** Two-phase (--on-failure revert) coordinator, or null: confirm as soon as proven. */
    private final TwoPhaseRun twoPhase;
    /** Persist token of this router's persistent confirmed commit (journaled before it was sent), or null. */
    private String persist;

    private boolean cancelSent;
    /** Set once proven under two-phase: the session stays open and the outcome is decided by the run. */
    private boolean held;
    /** What the router should hold (the intent, or its chained form); set once running was read. */
    private Wanted want;
    /** Set when the read-back of a chained router is proven except where the operator's own entries drop traffic. */
    private String provenNote = "";
    /** Set before the first edit-config: from then on a failure is never retried, it is reverted or reconciled. */
    private boolean edited;
    /** The managed subtree's digest as read back and proven in the confirm window: what startup must hold after the save. */
    private String provenDigest;
    /** Running as first read by this attempt (the transaction's own get-config, reused for the run history), or null. */
    private Observed before;
    /** The digest a revert or reconcile read back last, or null. */
    private String readBackDigest;

    private final Revert revert;
    /** The run this transaction belongs to (the quirks it finds are remembered under it). */
    private final String runId;
    /** What had to be done differently on this router (codes for the report), and the one-line warning saying so. */
    private final List<String> workarounds = new ArrayList<>();

    private String warning = "";
    /** Set when a commit after {@code <validate>} committed nothing and the edits were made again without it. */
    private boolean validateLostEdits;

    public Transaction(EngineContext ctx, ApplyOptions opts, Target t, String plannedDigest) {
        this(ctx, opts, t, plannedDigest, null, "-");
    }

    public Transaction(
            EngineContext ctx, ApplyOptions opts, Target t, String plannedDigest, TwoPhaseRun twoPhase, String runId) {
        this.runId = runId;
        this.ctx = ctx;
        this.opts = opts;
        this.t = t;
        this.platform = ctx.platform(t);
        this.plannedDigest = plannedDigest;
        this.twoPhase = twoPhase;
        this.revert = new Revert(this, ctx, opts, t, platform);
    }

    String name() {
        return t.name();
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
                return done(OutcomeState.FAILED_NOT_APPLIED, connectReason(e), e.getMessage());
            }
            try {
                return attempt(s);
            } catch (RouterException e) {
                if (e.kind() == RouterException.Kind.TIMEOUT && !edited && !retried) {
                    // a reply that never came, before anything was edited: one more go on a fresh session (closing this
                    // one
                    // releases whatever it locked). yuma123 netconfd swallows a reply about once in a few hundred
                    // sessions.
                    retried = true;
                    continue;
                }
                return done(
                        OutcomeState.FAILED_NOT_APPLIED,
                        e.unreachable()
                                ? connectReason(e)
                                : Reason.valueOf(e.kind().name()),
                        e.getMessage());
            } finally {
                if (!held) {
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
        this.before = before;
        if (plannedDigest != null && !plannedDigest.equals(before.digest())) {
            return done(
                    OutcomeState.FAILED_NOT_APPLIED,
                    Reason.STALE_PLAN,
                    t.name()
                            + " changed since the plan was made (its managed configuration differs); run plan again and review the new change");
        }
        want = ctx.want(t, before.read());
        if (!want.refusals().isEmpty()) {
            return done(
                    OutcomeState.FAILED_NOT_APPLIED,
                    Reason.FOREIGN_FILTER_BOUND,
                    want.refusals().get(0));
        }
        if (want.chained()) {
            // prove the composite before touching anything: an operator entry may pre-empt ours
            List<String> failures =
                    want.prove(want.owned(), before.read(), t.promise()).failures();
            if (!failures.isEmpty()) {
                return done(
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
        changes = cs.diff().changes().stream().map(Change::describe).toList();
        impact = cs.fates().stream().map(FateChange::describe).toList();
        changeItems = cs.diff().changes().stream().map(Change::item).toList();
        impactItems = cs.fates().stream().map(FateChange::item).toList();
        if (cs.isEmpty()) {
            return alreadyHeld(s, before);
        }
        String payload;
        String removal;
        try {
            payload = platform.renderConfig(want.owned());
            removal = want.stale(before.read().intent())
                    .map(platform::renderRemoval)
                    .orElse(null);
        } catch (RuntimeException e) {
            return done(
                    OutcomeState.FAILED_NOT_APPLIED,
                    Reason.RENDER_FAILED,
                    "the policy cannot be rendered for " + t.name() + ": " + e.getMessage());
        }
        if (!s.hasCapability(RouterSession.CANDIDATE)) {
            return done(
                    OutcomeState.FAILED_NOT_APPLIED,
                    Reason.NO_CANDIDATE,
                    t.name()
                            + " has no candidate datastore; Portcullis only applies through a locked candidate and a confirmed commit");
        }
        boolean cc11 = s.hasCapability(RouterSession.CONFIRMED_COMMIT_11);
        if (!cc11 && !s.hasCapability(RouterSession.CONFIRMED_COMMIT_10)) {
            return done(
                    OutcomeState.FAILED_NOT_APPLIED,
                    Reason.NO_CONFIRMED_COMMIT,
                    t.name()
                            + " does not support confirmed commit, so a bad change could not revert on its own; not applied");
        }
        CandidateLock.Refusal refused = CandidateLock.acquire(s, t, platform, opts, before);
        if (refused != null) {
            return done(OutcomeState.FAILED_NOT_APPLIED, refused.reason(), refused.message());
        }
        return pushLocked(s, before, cc11, payload, removal);
    }

    private RouterOutcome pushLocked(RouterSession s, Observed before, boolean cc11, String payload, String removal) {
        edited = true;
        boolean validate = validates(s);
        while (true) {
            RouterOutcome stopped = editAndProveCandidate(s, payload, removal, validate);
            if (stopped != null) {
                return stopped;
            }
            if (twoPhase != null && cc11 && persist == null) {
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
                problem = checkHeld(after, "read-back");
                provenDigest = after.digest();
            } catch (RouterException e) {
                if (e.sessionGone()) {
                    closeQuietly(s);
                    String lost = "the session was lost inside the confirm window (" + e.getMessage() + ")";
                    return persist != null
                            ? revert.afterCommit(null, before, cc11, lost)
                            : revert.verified(before, lost);
                }
                problem = "read-back failed: " + e.getMessage();
            }
            if (problem != null && validate && after != null && after.digest().equals(before.digest())) {
                // the candidate was proven and the commit said ok, yet running did not change at all: <validate> lost
                // the
                // pending edits (yuma123 netconfd). Nothing changed, so nothing flips: cancel the empty commit (1.0:
                // the next
                // confirmed commit follows it up), edit again without validate (the commit validates anyway), prove
                // again, go
                // on, and remember it for this router.
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
            held = true;
            twoPhase.hold(new PendingConfirm(this, s, before, cc11, persist, opts.confirmTimeout(t, twoPhase != null)));
            return done(
                    OutcomeState.APPLIED,
                    Reason.PROVEN_AWAITING_CONFIRM,
                    t.name() + ": committed, read back and proven; waiting for the rest of the run before confirming"
                            + provenNote);
        }
        return confirmNow(s, before);
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
                workaround(
                        "<validate> was skipped: it loses the pending edits on this router (remembered from an earlier run)");
                return false;
            }
        } catch (RouterMemory.MemoryException e) {
            // unknown: validate, and the read-back after the commit still catches lost edits
        }
        return true;
    }

    /** Edit, validate, then read the candidate back and prove it: a candidate that does not hold the intent is never committed. */
    private RouterOutcome editAndProveCandidate(RouterSession s, String payload, String removal, boolean validate) {
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
            problem = checkHeld(Observed.read(s, t, platform, Datastore.CANDIDATE), "the candidate");
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
            persist = twoPhase.journalPending(t, before, opts.confirmTimeout(t, true));
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
            if (persist != null) {
                s.commitConfirmedPersistent(opts.confirmTimeout(t, twoPhase != null), persist);
            } else {
                s.commitConfirmed(opts.confirmTimeout(t, twoPhase != null));
            }
            return null;
        } catch (RouterException e) {
            if (e.sessionGone()) {
                closeQuietly(s);
                if (persist != null) {
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
            if (persist != null) {
                s.cancelPersistent(persist);
            } else if (cc11) {
                s.cancelCommit();
            }
        } catch (RouterException e) {
            if (e.sessionGone()) {
                closeQuietly(s);
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
        workaround(
                "<validate> lost the pending edits on this router, so they were made again without it (remembered for later runs)");
        return null;
    }

    private void workaround(String warning) {
        workarounds.add(RouterOutcome.VALIDATE_SKIPPED);
        this.warning = "; warning: " + warning;
    }

    private void remember(Quirk quirk) {
        try {
            ctx.guard().memory().remember(t.name(), quirk, runId);
        } catch (RouterMemory.MemoryException e) {
            warning += " (not remembered: " + e.getMessage() + ")";
        }
    }

    /** The confirming commit (plain on this session, or by persist-id), then unlock. */
    RouterOutcome confirmNow(RouterSession s, Observed before) {
        try {
            if (persist != null) {
                s.confirmPersistent(persist);
            } else {
                s.commit();
            }
        } catch (RouterException e) {
            closeQuietly(s);
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
        String notSaved = StartupSave.applies(s) ? StartupSave.save(s, t, platform, provenDigest) : null;
        closeQuietly(s);
        if (notSaved != null) {
            return done(
                    OutcomeState.APPLIED,
                    Reason.STARTUP_NOT_SAVED,
                    t.name() + ": committed, read back, proven and confirmed" + provenNote + ", "
                            + StartupSave.notSavedMessage(t.name(), notSaved));
        }
        return done(
                OutcomeState.APPLIED,
                Reason.APPLIED,
                t.name() + ": committed, read back, proven and confirmed" + provenNote);
    }

    /** Running already keeps the policy; on a :startup router, startup must hold it too (an earlier save may have failed). */
    private RouterOutcome alreadyHeld(RouterSession s, Observed running) {
        if (!StartupSave.applies(s) || StartupSave.inStep(s, t, platform, running.digest())) {
            return done(OutcomeState.NO_CHANGE, Reason.IN_SYNC, t.name() + " already holds the policy");
        }
        String notSaved = StartupSave.save(s, t, platform, running.digest());
        if (notSaved != null) {
            return done(
                    OutcomeState.NO_CHANGE,
                    Reason.STARTUP_NOT_SAVED,
                    t.name() + " already holds the policy in running, "
                            + StartupSave.notSavedMessage(t.name(), notSaved));
        }
        return done(
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
            problem = checkHeld(Observed.read(s, t, platform, Datastore.RUNNING), "read-back");
        } catch (RouterException e) {
            closeQuietly(s);
            return revert.reconcile(
                    "the change could not be read back after the confirming commit (" + e.getMessage() + ")", before);
        }
        if (problem == null) {
            return null;
        }
        closeQuietly(s);
        // two causes look alike here: the confirm came too late and the router reverted (running is the pre-image), or
        // someone else changed the router between commit and read-back (it is not); revert.verified tells them apart
        return revert.verified(
                before,
                "after the confirming commit " + t.name() + " no longer holds the proven change (" + problem + "): its "
                        + opts.confirmTimeout(t, twoPhase != null)
                        + " s confirm timer ran out first, or someone changed it meanwhile");
    }

    /** A persistent commit outlives the session: confirm it by its token from a new one. */
    private RouterOutcome confirmOnFreshSession(Observed before, RouterException lost) {
        try (RouterSession fresh = ctx.connector().open(t.device())) {
            fresh.confirmPersistent(persist);
            String notSaved = StartupSave.applies(fresh) ? StartupSave.save(fresh, t, platform, provenDigest) : null;
            String confirmed = t.name()
                    + ": committed, read back, proven and confirmed (by persist-id on a new session)" + provenNote;
            return notSaved == null
                    ? done(OutcomeState.APPLIED, Reason.APPLIED, confirmed)
                    : done(
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

    /** Null when {@code what} (the candidate, the read-back of running) holds exactly the intent and it keeps the promise. */
    private String checkHeld(Observed after, String what) {
        IntentDiff d = IntentComparator.compare(want.owned(), after.read().intent());
        if (!d.inSync()) {
            List<String> all = d.changes().stream().map(Change::describe).toList();
            return what + " differs from the policy: " + String.join("; ", all.subList(0, Math.min(5, all.size())))
                    + (all.size() > 5 ? " and " + (all.size() - 5) + " more" : "");
        }
        if (want.chained()) {
            // proven on what the router applies: the operator's filter with our entries merged in
            Wanted.ChainProof p = want.prove(after.read().intent(), after.read(), t.promise());
            if (!p.failures().isEmpty()) {
                return "the chained configuration in " + what + " does not keep the policy: "
                        + p.failures().get(0);
            }
            provenNote = p.operatorDrops().isEmpty()
                    ? " (chained into the operator's filter)"
                    : " (chained; blocked flows proven dropped, but NOT proven that every other port works: "
                            + p.operatorDrops().get(0)
                            + (p.operatorDrops().size() > 1
                                    ? " and " + (p.operatorDrops().size() - 1) + " more"
                                    : "") + ")";
            return null;
        }
        List<String> violations = ctx.prover().violations(after.read().intent(), t.promise());
        if (!violations.isEmpty()) {
            return "the configuration in " + what + " does not keep the policy: " + violations.get(0);
        }
        return null;
    }

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

    /** Recorded by {@link Revert}: the managed-subtree digest it read back after the commit. */
    void readBack(String digest) {
        readBackDigest = digest;
    }

    /** The ways back out of this transaction (also used by {@link PendingConfirm} when the run cancels). */
    Revert revert() {
        return revert;
    }

    /** The persist token of this router's pending persistent commit, or null. */
    String persist() {
        return persist;
    }

    /** Recorded by {@link Revert}: whether a cancel-commit reached the router (the journal entry says so). */
    void cancelSent(boolean sent) {
        cancelSent = sent;
    }

    /** What the router should hold; set once running was read. */
    Wanted wanted() {
        return want;
    }

    static void closeQuietly(RouterSession s) {
        try {
            s.close();
        } catch (RuntimeException ignored) {
            // closing is best effort; the router releases locks when the session ends
        }
    }
}
