package io.portcullis.engine.apply;

import io.portcullis.diff.Change;
import io.portcullis.diff.ChangeSet;
import io.portcullis.diff.FateChange;
import io.portcullis.diff.IntentComparator;
import io.portcullis.diff.IntentDiff;
import io.portcullis.engine.EngineContext;
import io.portcullis.engine.Target;
import io.portcullis.engine.plan.Wanted;
import io.portcullis.engine.report.DeviceOutcome;
import io.portcullis.engine.report.DeviceState;
import io.portcullis.engine.router.Datastore;
import io.portcullis.engine.router.Observed;
import io.portcullis.engine.router.RouterException;
import io.portcullis.engine.router.RouterSession;
import io.portcullis.platform.PlatformAdapter;
import java.util.ArrayList;
import java.util.List;

/**
 * The safe push to one router: read, lock candidate, edit, validate, confirmed commit, read back
 * and prove, confirm, unlock. Success means the running configuration was read back, equals the
 * intent and keeps the promise. Every failure ends in a verified state (see {@link DeviceState}).
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
    private boolean retried;
    /** The managed subtree's digest as read back and proven in the confirm window: what startup must hold after the save. */
    private String provenDigest;

    public Transaction(EngineContext ctx, ApplyOptions opts, Target t, String plannedDigest) {
        this(ctx, opts, t, plannedDigest, null);
    }

    public Transaction(EngineContext ctx, ApplyOptions opts, Target t, String plannedDigest, TwoPhaseRun twoPhase) {
        this.ctx = ctx;
        this.opts = opts;
        this.t = t;
        this.platform = ctx.platform(t);
        this.plannedDigest = plannedDigest;
        this.twoPhase = twoPhase;
    }

    String name() {
        return t.name();
    }

    public DeviceOutcome run() {
        RouterSession s;
        try {
            s = ctx.connector().open(t.device());
        } catch (RouterException e) {
            return done(DeviceState.FAILED_NOT_APPLIED, "UNREACHABLE", e.getMessage());
        }
        try {
            Observed before = Observed.read(s, t, platform, Datastore.RUNNING);
            if (plannedDigest != null && !plannedDigest.equals(before.digest())) {
                return done(DeviceState.FAILED_NOT_APPLIED, "STALE_PLAN", t.name()
                        + " changed since the plan was made (its managed configuration differs); run plan again and review the new change");
            }
            want = ctx.want(t, before.read());
            if (!want.refusals().isEmpty()) {
                return done(DeviceState.FAILED_NOT_APPLIED, "FOREIGN_FILTER_BOUND", want.refusals().get(0));
            }
            if (want.chained()) {
                // prove the composite before touching anything: an operator entry may pre-empt ours
                List<String> failures = want.prove(want.owned(), before.read(), t.promise()).failures();
                if (!failures.isEmpty()) {
                    return done(DeviceState.FAILED_NOT_APPLIED, "CHAIN_NOT_PROVEN", t.name() + ": chaining into the operator's filter"
                            + " would not keep the policy, so nothing was edited: " + failures.get(0));
                }
            }
            ChangeSet cs = ctx.explainer().explain(platform, want.owned(), before.read().intent(), t.promise(),
                    want.effective(want.owned(), before.read()), want.effective(before.read().intent(), before.read()));
            changes = cs.diff().changes().stream().map(Change::describe).toList();
            impact = cs.fates().stream().map(FateChange::describe).toList();
            if (cs.isEmpty()) {
                return alreadyHeld(s, before);
            }
            String payload;
            String removal;
            try {
                payload = platform.renderConfig(want.owned());
                removal = staleOwned(before.read().intent()).map(platform::renderRemoval).orElse(null);
            } catch (RuntimeException e) {
                return done(DeviceState.FAILED_NOT_APPLIED, "RENDER_FAILED", "the policy cannot be rendered for " + t.name() + ": " + e.getMessage());
            }
            if (!s.hasCapability(RouterSession.CANDIDATE)) {
                return done(DeviceState.FAILED_NOT_APPLIED, "NO_CANDIDATE", t.name()
                        + " has no candidate datastore; Portcullis only applies through a locked candidate and a confirmed commit");
            }
            boolean cc11 = s.hasCapability(RouterSession.CONFIRMED_COMMIT_11);
            if (!cc11 && !s.hasCapability(RouterSession.CONFIRMED_COMMIT_10)) {
                return done(DeviceState.FAILED_NOT_APPLIED, "NO_CONFIRMED_COMMIT", t.name()
                        + " does not support confirmed commit, so a bad change could not revert on its own; not applied");
            }
            CandidateLock.Refusal refused = CandidateLock.acquire(s, t, platform, opts, before);
            if (refused != null) {
                return done(DeviceState.FAILED_NOT_APPLIED, refused.reason(), refused.message());
            }
            return pushLocked(s, before, cc11, payload, removal);
        } catch (RouterException e) {
            if (e.kind() == RouterException.Kind.TIMEOUT && !edited && !retried) {
                // a reply that never came, before anything was edited: one more go on a fresh session (closing this one
                // releases whatever it locked). yuma123 netconfd swallows a reply about once in a few hundred sessions.
                retried = true;
                closeQuietly(s);
                return run();
            }
            return done(DeviceState.FAILED_NOT_APPLIED, e.unreachable() ? "UNREACHABLE" : e.kind().name(), e.getMessage());
        } finally {
            if (!held) {
                closeQuietly(s); // idempotent; some paths closed it already to make the router revert
            }
        }
    }

    private DeviceOutcome pushLocked(RouterSession s, Observed before, boolean cc11, String payload, String removal) {
        edited = true;
        try {
            s.editConfig(Datastore.CANDIDATE, payload);
            if (removal != null) {
                s.editConfig(Datastore.CANDIDATE, removal);
            }
        } catch (RouterException e) {
            return abortUncommitted(s, "EDIT_REJECTED", t.name() + " rejected the edit: " + e.getMessage(), e);
        }
        // inventory "validate: false" skips the separate validate for servers where it loses the pending
        // edits (yuma123 netconfd); the commit validates anyway and the read-back proves the result
        boolean validate = !"false".equalsIgnoreCase(t.device().settings().getOrDefault("validate", "true"));
        if (validate && s.hasCapability(RouterSession.VALIDATE)) {
            try {
                s.validate(Datastore.CANDIDATE);
            } catch (RouterException e) {
                String where = e.errorPath() == null ? "" : " at " + e.errorPath();
                return abortUncommitted(s, "VALIDATE_FAILED", t.name() + " failed validation" + where + ": " + e.getMessage(), e);
            }
        }
        if (twoPhase != null && cc11) {
            // the pending commit must survive this session (and this process): journal the token first, durably
            String token;
            try {
                token = twoPhase.journalPending(t, before, confirmTimeout());
            } catch (java.io.IOException e) {
                return abortUncommitted(s, "JOURNAL_UNWRITABLE", "the journal " + twoPhase.journal().file() + " could not be written ("
                        + e.getClass().getSimpleName() + "), so no persistent commit was sent to " + t.name(), new RouterException(
                        RouterException.Kind.RPC_ERROR, "journal"));
            }
            persist = token;
        }
        try {
            if (persist != null) {
                s.commitConfirmedPersistent(confirmTimeout(), persist);
            } else {
                s.commitConfirmed(confirmTimeout());
            }
        } catch (RouterException e) {
            if (e.sessionGone()) {
                closeQuietly(s);
                if (persist != null) {
                    // a persistent commit may be pending without a session: cancel it by its token, then look
                    return revertAfterCommit(null, before, cc11, "the session was lost during the confirmed commit (" + e.getMessage() + ")");
                }
                return reconcile("the session was lost during the confirmed commit (" + e.getMessage() + ")", before);
            }
            return abortUncommitted(s, "COMMIT_FAILED", t.name() + " refused the commit: " + e.getMessage(), e);
        }
        // Inside the confirm window: nothing is final until we have read back and proven.
        String problem;
        try {
            Observed after = Observed.read(s, t, platform, Datastore.RUNNING);
            problem = checkHeld(after);
            provenDigest = after.digest();
        } catch (RouterException e) {
            if (e.sessionGone()) {
                closeQuietly(s);
                String lost = "the session was lost inside the confirm window (" + e.getMessage() + ")";
                return persist != null ? revertAfterCommit(null, before, cc11, lost) : verifyReverted(before, lost);
            }
            problem = "read-back failed: " + e.getMessage();
        }
        if (problem != null) {
            return revertAfterCommit(s, before, cc11, problem);
        }
        if (twoPhase != null) {
            held = true;
            twoPhase.hold(new PendingConfirm(this, s, before, cc11, persist, confirmTimeout()));
            return done(DeviceState.APPLIED, TwoPhaseRun.AWAITING, t.name()
                    + ": committed, read back and proven; waiting for the rest of the run before confirming" + provenNote);
        }
        return confirmNow(s, before);
    }

    /** The confirming commit (plain on this session, or by persist-id), then unlock. */
    DeviceOutcome confirmNow(RouterSession s, Observed before) {
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
                return reconcile("the session was lost while confirming (" + e.getMessage() + ")", before);
            }
            if (persist != null) {
                return revertAfterCommit(null, before, true, "the confirming commit was refused (" + e.getMessage() + ")");
            }
            return verifyReverted(before, "the confirming commit was refused (" + e.getMessage() + ")");
        }
        if (persist == null) {
            DeviceOutcome late = revertedBeforeTheConfirm(s, before);
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
            return done(DeviceState.APPLIED, "STARTUP_NOT_SAVED", t.name() + ": committed, read back, proven and confirmed" + provenNote
                    + ", " + StartupSave.notSavedMessage(t.name(), notSaved));
        }
        return done(DeviceState.APPLIED, "APPLIED", t.name() + ": committed, read back, proven and confirmed" + provenNote);
    }

    /** Running already keeps the policy; on a :startup router, startup must hold it too (an earlier save may have failed). */
    private DeviceOutcome alreadyHeld(RouterSession s, Observed running) {
        if (!StartupSave.applies(s) || StartupSave.inStep(s, t, platform, running.digest())) {
            return done(DeviceState.NO_CHANGE, "IN_SYNC", t.name() + " already holds the policy");
        }
        String notSaved = StartupSave.save(s, t, platform, running.digest());
        if (notSaved != null) {
            return done(DeviceState.NO_CHANGE, "STARTUP_NOT_SAVED", t.name() + " already holds the policy in running, "
                    + StartupSave.notSavedMessage(t.name(), notSaved));
        }
        return done(DeviceState.NO_CHANGE, "STARTUP_SAVED", t.name() + " already held the policy in running; startup did not, and now does");
    }

    /**
     * A plain {@code <commit/>} that reaches the router after its confirm timer ran out is no error (RFC 6241 8.4):
     * it commits whatever the candidate holds, which after the revert is the pre-image. Only a read-back tells
     * (D.1 #4, found by FaultOutcomeLabTest): null when the router still holds the proven change.
     */
    private DeviceOutcome revertedBeforeTheConfirm(RouterSession s, Observed before) {
        String problem;
        try {
            problem = checkHeld(Observed.read(s, t, platform, Datastore.RUNNING));
        } catch (RouterException e) {
            closeQuietly(s);
            return reconcile("the change could not be read back after the confirming commit (" + e.getMessage() + ")", before);
        }
        if (problem == null) {
            return null;
        }
        closeQuietly(s);
        return verifyReverted(before, "the confirming commit reached " + t.name() + " after its " + confirmTimeout()
                + " s confirm timer had run out, so it reverted (" + problem + ")");
    }

    /** A persistent commit outlives the session: confirm it by its token from a new one. */
    private DeviceOutcome confirmOnFreshSession(Observed before, RouterException lost) {
        try (RouterSession fresh = ctx.connector().open(t.device())) {
            fresh.confirmPersistent(persist);
            String notSaved = StartupSave.applies(fresh) ? StartupSave.save(fresh, t, platform, provenDigest) : null;
            String confirmed = t.name() + ": committed, read back, proven and confirmed (by persist-id on a new session)" + provenNote;
            return notSaved == null ? done(DeviceState.APPLIED, "APPLIED", confirmed)
                    : done(DeviceState.APPLIED, "STARTUP_NOT_SAVED", confirmed + ", " + StartupSave.notSavedMessage(t.name(), notSaved));
        } catch (RouterException e) {
            return reconcile("the session was lost while confirming (" + lost.getMessage() + ") and confirming again failed ("
                    + e.getMessage() + ")", before);
        }
    }

    /** --confirm-timeout, unless the inventory sets confirm-timeout for this router (two-phase: never below its minimum). */
    private int confirmTimeout() {
        int seconds;
        try {
            seconds = Integer.parseInt(t.device().settings().getOrDefault("confirm-timeout", String.valueOf(opts.confirmTimeoutSeconds())));
        } catch (NumberFormatException e) {
            seconds = opts.confirmTimeoutSeconds();
        }
        return twoPhase == null ? seconds : Math.max(ApplyOptions.MIN_REVERT_CONFIRM_TIMEOUT, seconds);
    }

    /** Owned filters and bindings the router holds that the policy no longer wants (to remove). */
    private java.util.Optional<io.portcullis.intent.FilterIntent> staleOwned(io.portcullis.intent.FilterIntent have) {
        io.portcullis.intent.FilterIntent want = this.want.owned();
        List<io.portcullis.intent.Filter> filters = have.filters().stream().filter(f -> want.filter(f.name()).isEmpty()).toList();
        // a binding at a point we bind anyway is replaced by the payload; deleting it could delete ours
        List<io.portcullis.intent.Binding> bindings = have.bindings().stream().filter(b -> want.bindings().stream().noneMatch(w ->
                w.kind() == b.kind() && w.point().equals(b.point()) && w.family() == b.family() && w.direction() == b.direction())).toList();
        if (filters.isEmpty() && bindings.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new io.portcullis.intent.FilterIntent(t.name(), have.platform(), filters, bindings));
    }

    /** Null when the router holds exactly the intent and it keeps the promise. */
    private String checkHeld(Observed after) {
        IntentDiff d = IntentComparator.compare(want.owned(), after.read().intent());
        if (!d.inSync()) {
            return "read-back differs from the policy: " + d.changes().get(0).describe();
        }
        if (want.chained()) {
            // proven on what the router applies: the operator's filter with our entries merged in
            Wanted.ChainProof p = want.prove(after.read().intent(), after.read(), t.promise());
            if (!p.failures().isEmpty()) {
                return "the chained configuration read back does not keep the policy: " + p.failures().get(0);
            }
            provenNote = p.operatorDrops().isEmpty() ? " (chained into the operator's filter)"
                    : " (chained; blocked flows proven dropped, but NOT proven that every other port works: " + p.operatorDrops().get(0)
                    + (p.operatorDrops().size() > 1 ? " and " + (p.operatorDrops().size() - 1) + " more" : "") + ")";
            return null;
        }
        List<String> violations = ctx.prover().violations(after.read().intent(), t.promise());
        if (!violations.isEmpty()) {
            return "the configuration read back does not keep the policy: " + violations.get(0);
        }
        return null;
    }

    private DeviceOutcome abortUncommitted(RouterSession s, String reason, String message, RouterException cause) {
        if (!cause.sessionGone()) {
            try {
                // the lock is ours and the candidate was clean before our edit: these are our changes only
                s.discardChanges();
                s.unlock(Datastore.CANDIDATE);
            } catch (RouterException e) {
                if (e.kind() == RouterException.Kind.ROLLBACK_FAILED || "rollback-failed".equals(e.errorTag())) {
                    return done(DeviceState.ROLLBACK_FAILED, "DISCARD_FAILED", message + "; then discarding the candidate failed: "
                            + e.getMessage() + " — check the candidate by hand");
                }
            }
        }
        return done(DeviceState.FAILED_NOT_APPLIED, reason, message + "; nothing was committed");
    }

    /**
     * Undo a confirmed commit that is not to be confirmed: cancel-commit on 1.1 (by persist-id when
     * persistent, on a new session when {@code s} is null or gone), closing the session on 1.0; then
     * verify by read-back that the pre-image is back.
     */
    DeviceOutcome revertAfterCommit(RouterSession s, Observed before, boolean cc11, String problem) {
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
                if (e.kind() == RouterException.Kind.ROLLBACK_FAILED || "rollback-failed".equals(e.errorTag())) {
                    closeQuietly(s);
                    return done(DeviceState.ROLLBACK_FAILED, "ROLLBACK_FAILED", problem + "; cancel-commit failed: " + e.getMessage());
                }
            }
        }
        // 1.0 has no cancel-commit: ending the session reverts a non-persistent confirmed commit
        if (s != null) {
            closeQuietly(s);
        }
        if (persist != null && !cancelled) {
            try (RouterSession fresh = ctx.connector().open(t.device())) {
                fresh.cancelPersistent(persist);
                cancelled = true;
            } catch (RouterException e) {
                // nothing pending (never arrived, timed out) or unreachable: the read-back below decides
            }
        }
        cancelSent = cancelled;
        return verifyReverted(before, problem);
    }

    /** Reads back on a new session until the router holds the pre-image again (or the wait runs out). */
    DeviceOutcome verifyReverted(Observed before, String problem) {
        long deadline = System.nanoTime() + opts.revertWait().toNanos();
        String last = "it could not be read";
        do {
            try (RouterSession fresh = ctx.connector().open(t.device())) {
                Observed now = Observed.read(fresh, t, platform, Datastore.RUNNING);
                if (now.digest().equals(before.digest())) {
                    return done(DeviceState.FAILED_ROLLED_BACK, "ROLLED_BACK", problem + "; " + t.name()
                            + " reverted to its previous configuration (verified by read-back)");
                }
                last = "it still differs from its previous configuration";
            } catch (RouterException e) {
                last = "it could not be read (" + e.getMessage() + ")";
            }
            sleep(200);
        } while (System.nanoTime() < deadline);
        return done(DeviceState.ROLLBACK_FAILED, "ROLLBACK_NOT_VERIFIED", problem + "; " + t.name()
                + " did not revert: " + last + " — check it by hand before any further automated change");
    }

    /** The commit's outcome is unknown: read running on a new session and say what the router holds. */
    private DeviceOutcome reconcile(String problem, Observed before) {
        sleep(200);
        try (RouterSession fresh = ctx.connector().open(t.device())) {
            Observed now = Observed.read(fresh, t, platform, Datastore.RUNNING);
            String holds = now.digest().equals(before.digest()) ? "its previous configuration"
                    : IntentComparator.compare(want.owned(), now.read().intent()).inSync() ? "the new configuration (unconfirmed)"
                    : "neither the previous nor the new configuration";
            return done(DeviceState.UNKNOWN_RECONCILED, "UNKNOWN_RECONCILED", problem + "; read-back shows " + t.name() + " holds " + holds);
        } catch (RouterException e) {
            return done(DeviceState.UNKNOWN_RECONCILED, "UNKNOWN", problem + "; " + t.name() + " could not be read back ("
                    + e.getMessage() + ") — its state is unknown, check it by hand");
        }
    }

    DeviceOutcome done(DeviceState state, String reason, String message) {
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (persist != null && !TwoPhaseRun.AWAITING.equals(reason)) {
            twoPhase.closeEntry(t.name(), state, cancelSent);
        }
        return new DeviceOutcome(t.name(), t.device().platform(), state, reason, message, changes, impact, ms);
    }

    static void closeQuietly(RouterSession s) {
        try {
            s.close();
        } catch (RuntimeException ignored) {
            // closing is best effort; the router releases locks when the session ends
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
