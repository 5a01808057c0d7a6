package io.portcullis.cli;

import io.portcullis.engine.Workspace;
import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.plan.PlanFile;
import io.portcullis.engine.report.JUnitReport;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.Reason;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunReport;
import io.portcullis.engine.router.Digests;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.targets.Target;
import io.portcullis.guard.Guards;
import io.portcullis.store.Identity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "apply",
        description = {
            "Push the policy safely: per router lock the candidate, edit, validate, confirmed commit, read back",
            "and prove, then confirm; anything else is cancelled and reported. Canaries first, then waves.",
            "With --on-failure revert all routers are confirmed together or all cancelled; a crashed run is finished by recover.",
            "Exit 0 when every router is APPLIED or NO_CHANGE, 1 otherwise."
        })
public class ApplyCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Mixin
    RecordOptions record;

    @Option(
            names = "--plan",
            description = "Apply exactly this saved plan; routers changed since the plan are refused.")
    Path plan;

    @Option(
            names = "--auto-approve",
            description = {
                "Apply without a reviewed --plan and without asking (pipelines). Without it,",
                "apply on a terminal shows the plan and asks for 'yes'; elsewhere it needs --plan or this flag."
            })
    boolean autoApprove;

    @Option(
            names = "--confirm-timeout",
            defaultValue = "120",
            description = {
                "Seconds a router waits for the confirm before reverting",
                "(default ${DEFAULT-VALUE}). Given here or as PORTCULLIS_CONFIRM_TIMEOUT it wins over the inventory's confirm-timeout."
            })
    int confirmTimeout;

    @Option(
            names = "--canary",
            defaultValue = "0",
            description = "Routers applied first, one by one; any canary failure halts.")
    int canary;

    @Option(names = "--batch", defaultValue = "0", description = "Routers per wave after the canaries, 0 = all.")
    int batch;

    @Option(names = "--parallel", defaultValue = "10", description = "Routers in flight at once.")
    int parallel;

    @Option(names = "--max-failures", defaultValue = "0", description = "Failures tolerated before the rollout halts.")
    int maxFailures;

    @Option(
            names = "--on-failure",
            defaultValue = "keep",
            converter = FailurePolicyConverter.class,
            description = {
                "keep: each router is confirmed once proven.",
                "revert: two-phase; routers wait proven in their confirm window (extended every third of it) and are all",
                "confirmed only when the whole run is proven, else all cancelled and read back."
            })
    ApplyOptions.FailurePolicy onFailure;

    @Option(
            names = "--journal",
            description =
                    "Write-ahead journal directory of persistent confirmed commits (default .portcullis/journal).")
    Path journal;

    @Option(names = "--report", description = "Write the JSON run report here.")
    Path report;

    @Option(names = "--junit", description = "Write a JUnit XML report here (one testcase per router) for CI.")
    Path junit;

    @Option(
            names = "--json",
            description = {
                "Print the " + RunReport.FORMAT + " document (the same as --report) on stdout;",
                "progress and the summary go to stderr."
            })
    boolean json;

    @Option(
            names = "--include-quarantined",
            description = {
                "Apply to quarantined routers too (see 'portcullis quarantine list');",
                "one that ends APPLIED or NO_CHANGE, proven, is released from quarantine."
            })
    boolean includeQuarantined;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter out = json ? err : stdout; // with --json stdout carries the document and nothing else
        ApplyOptions opts;
        try {
            // flag > environment > inventory (host > group > defaults) > built-in: only the built-in default yields to
            // the inventory
            boolean given = spec.commandLine().getParseResult().hasMatchedOption("--confirm-timeout")
                    || ConfigDefaults.isSet("portcullis.confirm-timeout");
            ApplyOptions base = given
                    ? ApplyOptions.defaults().withConfirmTimeoutOverride(confirmTimeout)
                    : ApplyOptions.defaults().withConfirmTimeout(confirmTimeout);
            opts = base.withRollout(canary, batch, parallel, maxFailures).withOnFailure(onFailure, journal);
        } catch (IllegalArgumentException e) {
            err.println("portcullis apply: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (!OutputPaths.writable("apply", err, report, junit)) {
            return ExitCodes.USAGE;
        }
        PlanFile saved = null;
        if (plan != null) {
            try {
                saved = PlanFile.read(plan);
            } catch (IllegalArgumentException e) {
                err.println("portcullis apply: " + e.getMessage());
                return ExitCodes.ERROR;
            }
        }
        String actor = Identity.of(System.getenv(), record.actor).actor();
        GuardOpening guardOpening = GuardOpening.start(actor); // beside reading the policy and inventory
        Workspace w = Workspace.open(global.policy, global.inventory, global.limit, err)
                .orElse(null);
        if (w == null) {
            guardOpening.abandon();
            return ExitCodes.ERROR;
        }
        List<Target> targets = EngineCommands.targets(w, err);
        if (saved == null) {
            ApplyApproval.Decision d = ApplyApproval.decide(
                    autoApprove,
                    interactive(),
                    targets,
                    global.policy,
                    global.verbose,
                    new java.io.BufferedReader(
                            new java.io.InputStreamReader(System.in, java.nio.charset.Charset.defaultCharset())),
                    out,
                    err);
            if (!d.proceed()) {
                guardOpening.abandon();
                return d.exitCode();
            }
            saved = d.plan();
        }
        // quarantine and router locks: in the database when recording is on, else (or when it cannot be used, said in
        // one line) the state file and this process
        Guards.Opened guard = guardOpening.get(err);
        ApplyProgress progress = new ApplyProgress(err, ApplyProgress.terminal());
        CliRecorder recorder = CliRecorder.start("apply", global, record.actor, plan, opts.recorded(), err);
        RunReport r;
        InterruptReport interrupted = new InterruptReport(out, opts).arm();
        try (guard;
                NetconfConnector connector = NetconfConnector.create(ProtocolTrace.of(global.verbose, err))) {
            r = EngineCommands.engine(connector)
                    .withGuard(guard.guard().includingQuarantined(includeQuarantined))
                    .apply(
                            recorder.runId(),
                            targets,
                            opts,
                            saved,
                            Digests.policyFiles(global.policy),
                            plan == null ? null : plan.toString(),
                            new BothListeners(progress, new BothListeners(recorder, interrupted)));
        } catch (IllegalArgumentException e) {
            err.println("portcullis apply: " + e.getMessage());
            recorder.finish(ExitCodes.ERROR, e.getMessage(), err);
            return ExitCodes.ERROR;
        } finally {
            interrupted.disarm();
        }
        progress.finish();
        summary(r, out); // first: whatever happens to the report files, CI sees what the routers hold now
        int exit = r.success() ? ExitCodes.OK : ExitCodes.ERROR;
        // each file on its own: a JSON report that cannot be written must not also cost CI its JUnit file
        if (junit != null) {
            exit = written(() -> JUnitReport.write(r, junit), junit, err) ? exit : ExitCodes.ERROR;
        }
        // under --on-failure revert a router's provisional outcome is replaced by its final one
        r.routers().forEach(recorder::routerFinished);
        // the record is finished before the JSON document is written, so the document says whether the run is in the
        // history database; the routers' rows went in the background while they worked, so this waits only for the last
        // few writes (it waited for them after the files before)
        RunReport done = r.withRecording(recorder.finish(exit, r.haltedBecause(), err));
        if (json) {
            stdout.println(done.toJson());
            stdout.flush();
        }
        if (report != null) {
            // a report file that cannot be written still makes the command exit 1; the recorded exit code, already
            // written, does not say that (OutputPaths checked the path before the run, so this is rare)
            exit = written(() -> done.write(report), report, err) ? exit : ExitCodes.ERROR;
        }
        return exit;
    }

    private interface Write {
        void run() throws IOException;
    }

    private static boolean written(Write w, java.nio.file.Path file, PrintWriter err) {
        try {
            w.run();
            return true;
        } catch (IOException | RuntimeException e) {
            err.println("portcullis apply: the routers are as summarised above, but " + file + " could not be written: "
                    + e.getMessage());
            return false;
        }
    }

    /** A person is there to answer: both stdin and stdout are the terminal (a pipe or CI runner is not). */
    private static boolean interactive() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM")) && System.getenv("CI") == null;
    }

    private static void summary(RunReport r, PrintWriter out) {
        for (RouterOutcome o : r.routers()) {
            boolean quarantined = Reason.QUARANTINED.name().equals(o.reason());
            if (o.state() != OutcomeState.NO_CHANGE && (o.state() != OutcomeState.NOT_CONTACTED || quarantined)) {
                out.println(o.router() + ": " + o.state()
                        + (o.state() == OutcomeState.APPLIED && o.workarounds().isEmpty()
                                ? ""
                                : " (" + o.reason() + ") " + o.message()));
            }
        }
        StringBuilder sb = new StringBuilder("Apply: ");
        for (Map.Entry<OutcomeState, Integer> e : r.counts().entrySet()) {
            sb.append(e.getValue())
                    .append(' ')
                    .append(e.getKey().name().toLowerCase().replace('_', '-'))
                    .append(", ");
        }
        if (r.counts().isEmpty()) {
            sb.append("no routers selected");
        } else {
            sb.setLength(sb.length() - 2);
        }
        out.println(sb.append(r.haltedBecause() == null ? "." : "; halted: " + r.haltedBecause() + "."));
        out.flush();
    }

    /** keep | revert, case-insensitive, with a one-sentence error. */
    static final class FailurePolicyConverter
            implements picocli.CommandLine.ITypeConverter<ApplyOptions.FailurePolicy> {
        @Override
        public ApplyOptions.FailurePolicy convert(String value) {
            try {
                return ApplyOptions.FailurePolicy.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not keep or revert");
            }
        }
    }
}
