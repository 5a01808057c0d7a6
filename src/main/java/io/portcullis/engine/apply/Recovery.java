package io.portcullis.engine.apply;

import io.portcullis.diff.IntentComparator;
import io.portcullis.diff.IntentDiff;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.plan.Wanted;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.router.Datastore;
import io.portcullis.engine.router.Digests;
import io.portcullis.engine.router.Observed;
import io.portcullis.engine.router.RouterException;
import io.portcullis.engine.router.RouterSession;
import io.portcullis.engine.targets.Target;
import io.portcullis.platform.PlatformAdapter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finishes what a crashed {@code apply --on-failure revert} left pending: for every open PENDING journal
 * entry it reads the router back and confirms by persist-id (only when asked and the read-back proves
 * the policy the run committed) or cancels by persist-id, then verifies by read-back and closes the entry.
 */
public final class Recovery {
    public enum Mode {
        CONFIRM,
        CANCEL
    }

    /** One recovered entry: the run it came from and the router's verified outcome. */
    public record Entry(String run, RouterOutcome outcome, boolean closed) {}

    public record Result(List<Entry> entries, List<Journal.Problem> problems, Mode mode) {
        /** Every entry reached the state that was asked (cancel: previous configuration; confirm: applied), no bad lines. */
        public boolean success() {
            return problems.isEmpty()
                    && entries.stream()
                            .allMatch(e -> e.closed()
                                    && (mode == Mode.CANCEL
                                            ? e.outcome().state() != OutcomeState.APPLIED
                                            : e.outcome().state() == OutcomeState.APPLIED));
        }
    }

    private final EngineContext ctx;
    private final Journal journal;
    private final ApplyOptions opts;

    public Recovery(EngineContext ctx, Journal journal, ApplyOptions opts) {
        this.ctx = ctx;
        this.journal = journal;
        this.opts = opts;
    }

    /** Entries whose router is not among {@code targets} are reported and stay open. */
    public Result recover(List<Target> targets, Mode mode) throws IOException {
        Journal.Scan scan = journal.scan();
        Map<String, Target> byName =
                targets.stream().collect(Collectors.toMap(Target::name, Function.identity(), (a, b) -> a));
        List<Entry> out = new ArrayList<>();
        for (Journal.Pending p : scan.pending()) {
            out.add(recoverOne(p, byName.get(p.record().router()), mode));
        }
        return new Result(out, scan.problems(), mode);
    }

    private Entry recoverOne(Journal.Pending p, Target t, Mode mode) throws IOException {
        JournalRecord r = p.record();
        long started = System.nanoTime();
        if (t == null) {
            return new Entry(
                    r.run(),
                    outcome(
                            r.router(),
                            "?",
                            OutcomeState.UNKNOWN_RECONCILED,
                            "NOT_IN_INVENTORY",
                            r.router()
                                    + " is not among the selected routers of this inventory (check --inventory and --limit); its entry stays open",
                            started),
                    false);
        }
        PlatformAdapter platform = ctx.platform(t);
        try (RouterSession s = ctx.connector().open(t.device())) {
            Observed now = Observed.read(s, t, platform, Datastore.RUNNING);
            boolean atPreImage = now.digest().equals(r.preImage());
            String problem = atPreImage ? "it holds its previous configuration" : unproven(t, platform, now);
            if (problem == null && !Digests.intent(t.intent(), t.promise()).equals(r.intended())) {
                problem = "the policy changed since run " + r.run();
            }
            if (mode == Mode.CONFIRM && problem == null) {
                return confirm(p, t, s, started);
            }
            boolean cancelled = cancel(s, r.persistId());
            RouterOutcome o = verifyPreImage(
                    t,
                    platform,
                    r,
                    cancelled,
                    mode == Mode.CONFIRM && !atPreImage ? "not confirmed because " + problem : null,
                    started);
            return close(p, o, cancelled);
        } catch (RouterException e) {
            return new Entry(
                    r.run(),
                    outcome(
                            t.name(),
                            t.device().platform(),
                            OutcomeState.UNKNOWN_RECONCILED,
                            "UNREACHABLE",
                            t.name() + " could not be read back (" + e.getMessage()
                                    + "); its entry stays open, run recover again when it is reachable",
                            started),
                    false);
        }
    }

    private Entry confirm(Journal.Pending p, Target t, RouterSession s, long started) throws IOException {
        String how;
        try {
            s.confirmPersistent(p.record().persistId());
            how = "confirmed with its persist-id after the read-back proved the policy";
        } catch (RouterException e) {
            if (e.sessionGone()) {
                throw e;
            }
            // Refused: either confirmed before the crash was journaled, or pending under another persist-id (a wrong or
            // foreign journal). The router cannot tell us which, so nothing is claimed and the entry stays open.
            return new Entry(
                    p.record().run(),
                    outcome(
                            t.name(),
                            t.device().platform(),
                            OutcomeState.UNKNOWN_RECONCILED,
                            "PERSIST_ID_REFUSED",
                            t.name()
                                    + " refused the journal's persist-id, so this commit could not be confirmed: it was either confirmed before the"
                                    + " crash was recorded or is pending under another persist-id (check the journal, or the router by hand); its entry stays open",
                            started),
                    false);
        }
        Observed after = Observed.read(s, t, ctx.platform(t), Datastore.RUNNING);
        String problem = unproven(t, ctx.platform(t), after);
        if (problem != null) {
            return close(
                    p,
                    outcome(
                            t.name(),
                            t.device().platform(),
                            OutcomeState.UNKNOWN_RECONCILED,
                            "UNKNOWN_RECONCILED",
                            t.name() + " was confirmed but now " + problem + "; check it by hand",
                            started),
                    false);
        }
        // as apply does after its confirm: a :startup router keeps the policy across a reboot only once saved
        String notSaved = StartupSave.applies(s) ? StartupSave.save(s, t, ctx.platform(t), after.digest()) : null;
        RouterOutcome o = notSaved == null
                ? outcome(
                        t.name(),
                        t.device().platform(),
                        OutcomeState.APPLIED,
                        "RECOVERED_CONFIRMED",
                        t.name() + ": " + how,
                        started)
                : outcome(
                        t.name(),
                        t.device().platform(),
                        OutcomeState.APPLIED,
                        "STARTUP_NOT_SAVED",
                        t.name() + ": " + how + ", " + StartupSave.notSavedMessage(t.name(), notSaved),
                        started);
        return close(p, o, false);
    }

    private static boolean cancel(RouterSession s, String persistId) {
        try {
            s.cancelPersistent(persistId);
            return true;
        } catch (RouterException e) {
            if (e.sessionGone()) {
                throw e;
            }
            return false; // nothing pending under this token (never sent, timed out, or already finished)
        }
    }

    /** Reads back (new sessions, up to revertWait) until the pre-image is back. */
    private RouterOutcome verifyPreImage(
            Target t, PlatformAdapter platform, JournalRecord r, boolean cancelled, String why, long started) {
        long deadline = System.nanoTime() + opts.revertWait().toNanos();
        String prefix = why == null ? "" : why + "; ";
        Observed now = null;
        do {
            try (RouterSession s = ctx.connector().open(t.device())) {
                now = Observed.read(s, t, platform, Datastore.RUNNING);
                if (now.digest().equals(r.preImage())) {
                    return cancelled
                            ? outcome(
                                    t.name(),
                                    t.device().platform(),
                                    OutcomeState.FAILED_ROLLED_BACK,
                                    "RECOVERED_CANCELLED",
                                    prefix + t.name() + ": the pending commit of run " + r.run()
                                            + " was cancelled with its persist-id; it holds its previous configuration (read back)",
                                    started)
                            : outcome(
                                    t.name(),
                                    t.device().platform(),
                                    OutcomeState.FAILED_NOT_APPLIED,
                                    "NOT_PENDING",
                                    prefix + t.name()
                                            + " holds its previous configuration (read back) and no commit of run "
                                            + r.run()
                                            + " is pending: it never arrived or already reverted",
                                    started);
                }
            } catch (RouterException e) {
                // keep trying until the deadline
            }
            if (!cancelled) {
                break; // nothing was cancelled: waiting will not change what it holds
            }
            sleep(200);
        } while (System.nanoTime() < deadline);
        if (!cancelled && now != null && unproven(t, platform, now) == null) {
            // The cancel by persist-id was refused, yet the policy is there: confirmed earlier, or pending under
            // another
            // persist-id. Never reported as confirmed (UNKNOWN_RECONCILED keeps the entry open).
            return outcome(
                    t.name(),
                    t.device().platform(),
                    OutcomeState.UNKNOWN_RECONCILED,
                    "PERSIST_ID_REFUSED",
                    prefix + t.name()
                            + " holds the policy (read back) but refused the journal's persist-id: it was either confirmed before the crash was"
                            + " recorded or is pending under another persist-id; check it by hand",
                    started);
        }
        return outcome(
                t.name(),
                t.device().platform(),
                cancelled ? OutcomeState.ROLLBACK_FAILED : OutcomeState.UNKNOWN_RECONCILED,
                cancelled ? "ROLLBACK_NOT_VERIFIED" : "UNKNOWN_RECONCILED",
                prefix + t.name() + " holds neither its previous configuration nor the policy; check it by hand",
                started);
    }

    /** Null when the read-back equals the intent and keeps the promise, else why not. */
    private String unproven(Target t, PlatformAdapter platform, Observed o) {
        Wanted want = ctx.want(t, o.read()); // chained routers (chain-foreign) hold the chained form
        IntentDiff d = IntentComparator.compare(want.owned(), o.read().intent());
        if (!d.inSync()) {
            return "its read-back differs from the policy ("
                    + d.changes().get(0).describe() + ")";
        }
        List<String> v = want.chained()
                ? want.prove(o.read().intent(), o.read(), t.promise()).failures()
                : ctx.prover().violations(o.read().intent(), t.promise());
        return v.isEmpty() ? null : "its read-back does not keep the policy (" + v.get(0) + ")";
    }

    private Entry close(Journal.Pending p, RouterOutcome o, boolean cancelled) throws IOException {
        String type = JournalRecord.outcomeType(o.state(), cancelled);
        if (type == null) {
            return new Entry(p.record().run(), o, false);
        }
        journal.close(p, type, o.state(), o.reason());
        return new Entry(p.record().run(), o, true);
    }

    private static RouterOutcome outcome(
            String router, String platform, OutcomeState s, String reason, String message, long started) {
        return new RouterOutcome(
                router, platform, s, reason, message, List.of(), List.of(), (System.nanoTime() - started) / 1_000_000);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
