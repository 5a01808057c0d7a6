package io.portcullis.engine;

import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.apply.Rollout;
import io.portcullis.engine.apply.RouterGate;
import io.portcullis.engine.apply.Transaction;
import io.portcullis.engine.apply.TwoPhaseRun;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.plan.PlanFile;
import io.portcullis.engine.plan.Planner;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.engine.router.Digests;
import io.portcullis.engine.targets.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** plan, apply and drift over a set of targets. Thin callers (CLI, REST, scheduler) use only this. */
public final class Engine {
    private final EngineContext ctx;
    private final String toolVersion;

    public Engine(EngineContext ctx, String toolVersion) {
        this.ctx = ctx;
        this.toolVersion = toolVersion;
    }

    public EngineContext context() {
        return ctx;
    }

    /** This engine with the caller's router guard (memory, router locks, actor). */
    public Engine withGuard(io.portcullis.engine.memory.RouterGuard guard) {
        return new Engine(ctx.withGuard(guard), toolVersion);
    }

    /** Read-only: per router, what apply would change. Also the drift check (same comparison). */
    public List<RouterPlan> plan(List<Target> targets, int parallel) {
        return new Planner(ctx, parallel).planAll(targets);
    }

    /** As above, telling {@code done} about each router as soon as it is planned (progress output). */
    public List<RouterPlan> plan(List<Target> targets, int parallel, java.util.function.Consumer<RouterPlan> done) {
        return new Planner(ctx, parallel, done).planAll(targets);
    }

    public PlanFile planFile(String policyDigest, List<RouterPlan> plans) {
        return PlanFile.of(toolVersion, policyDigest, plans);
    }

    /** The plan document of a plan that started reading routers at {@code startedAt} and finished now. */
    public PlanFile planFile(String policyDigest, List<RouterPlan> plans, Instant startedAt) {
        return PlanFile.of(toolVersion, policyDigest, plans, startedAt, Instant.now());
    }

    public String toolVersion() {
        return toolVersion;
    }

    /**
     * Applies fresh (plan null) or exactly a saved plan. A plan made by another tool version or for
     * another policy is refused as a whole ({@link IllegalArgumentException}, one sentence); routers
     * the plan does not list are left alone.
     */
    public RunReport apply(
            List<Target> targets,
            ApplyOptions opts,
            PlanFile plan,
            String policyDigest,
            String planName,
            RunListener listener) {
        return apply(UUID.randomUUID().toString(), targets, opts, plan, policyDigest, planName, listener);
    }

    /** As above under a run id the caller chose (the run history records the run under it before it starts). */
    public RunReport apply(
            String runId,
            List<Target> targets,
            ApplyOptions opts,
            PlanFile plan,
            String policyDigest,
            String planName,
            RunListener listener) {
        Instant started = Instant.now();
        List<Target> run = targets;
        if (plan != null) {
            if (!toolVersion.equals(plan.toolVersion())) {
                throw new IllegalArgumentException("the plan was made by portcullis " + plan.toolVersion()
                        + " and this is " + toolVersion + "; run plan again with this version");
            }
            if (policyDigest != null && !policyDigest.equals(plan.policyDigest())) {
                throw new IllegalArgumentException(
                        "the policy changed since the plan was made; run plan again and review the new change");
            }
            Map<String, PlanFile.Entry> entries =
                    plan.routers().stream().collect(Collectors.toMap(PlanFile.Entry::router, e -> e));
            run = targets.stream().filter(t -> entries.containsKey(t.name())).toList();
            if (run.isEmpty() && !entries.isEmpty()) {
                // applying nothing and calling it success would hide a plan made for another inventory or --limit
                throw new IllegalArgumentException(
                        "the plan lists " + names(entries.keySet()) + ", none of which is selected here"
                                + " (another inventory or --limit?); plan and apply with the same inventory and --limit");
            }
        }
        Map<String, PlanFile.Entry> planned =
                plan == null ? null : plan.routers().stream().collect(Collectors.toMap(PlanFile.Entry::router, e -> e));
        // --on-failure revert: the journal is opened before any router is touched (refused if unwritable)
        // quarantine read before anything is touched (refused as a whole when it cannot be read)
        // the run's own view of the guard: every router's quirks read once here, not once per router
        EngineContext runCtx = ctx.withGuard(ctx.guard().forOneRun());
        RouterGate gate;
        try {
            gate = new RouterGate(runCtx.guard(), runId);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        TwoPhaseRun twoPhase =
                opts.onFailure() == ApplyOptions.FailurePolicy.REVERT ? TwoPhaseRun.open(runId, opts, listener) : null;
        try {
            Function<Target, RouterOutcome> tx = planned == null
                    ? t -> new Transaction(runCtx, opts, t, null, twoPhase, runId).run()
                    : t -> fromPlan(runCtx, t, planned.get(t.name()), opts, twoPhase, runId);
            // each router behind the gate: skipped when quarantined, locked against other runs for its whole
            // transaction
            Function<Target, RouterOutcome> step = t -> gate.run(t, tx);
            Rollout.Result r =
                    new Rollout(opts, listener, twoPhase == null ? () -> null : twoPhase::broken).run(run, step);
            List<RouterOutcome> outcomes = gate.finish(
                    twoPhase == null ? r.outcomes() : twoPhase.finish(r.outcomes(), r.haltedBecause()),
                    twoPhase != null);
            return new RunReport(
                    runId,
                    toolVersion,
                    policyDigest,
                    planName,
                    started,
                    Instant.now(),
                    r.haltedBecause(),
                    RunReport.count(outcomes),
                    outcomes);
        } finally {
            gate.releaseAll();
            if (twoPhase != null) {
                twoPhase.close();
            }
        }
    }

    private static RouterOutcome fromPlan(
            EngineContext runCtx, Target t, PlanFile.Entry e, ApplyOptions opts, TwoPhaseRun twoPhase, String runId) {
        if (e.state() == RouterPlan.Status.ERROR) {
            return refused(
                    t,
                    "NOT_PLANNED",
                    t.name() + " could not be planned (" + e.error() + "); run plan again when it is reachable");
        }
        if (!Digests.intent(t.intent(), t.promise()).equals(e.intentDigest())) {
            return refused(
                    t,
                    "POLICY_CHANGED",
                    "the policy for " + t.name() + " changed since the plan was made; run plan again");
        }
        return new Transaction(runCtx, opts, t, e.stateDigest(), twoPhase, runId).run();
    }

    private static String names(java.util.Collection<String> routers) {
        List<String> sorted = routers.stream().sorted().toList();
        return String.join(", ", sorted.subList(0, Math.min(3, sorted.size())))
                + (sorted.size() > 3 ? " … (" + sorted.size() + " routers)" : "");
    }

    private static RouterOutcome refused(Target t, String reason, String message) {
        return new RouterOutcome(
                t.name(),
                t.device().platform(),
                OutcomeState.FAILED_NOT_APPLIED,
                reason,
                message,
                List.of(),
                List.of(),
                0);
    }

    /** Exit code of plan and drift: 1 when any router errored, else 2 when any differs, else 0. */
    public static int exitCode(List<RouterPlan> plans) {
        if (plans.stream().anyMatch(p -> p.status() == RouterPlan.Status.ERROR)) {
            return 1;
        }
        return plans.stream().anyMatch(p -> p.status() == RouterPlan.Status.CHANGES) ? 2 : 0;
    }

    public static List<RouterPlan> withStatus(List<RouterPlan> plans, RouterPlan.Status s) {
        return new ArrayList<>(plans.stream().filter(p -> p.status() == s).toList());
    }
}
