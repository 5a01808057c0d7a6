package io.portcullis.cli;

import io.portcullis.engine.Engine;
import io.portcullis.engine.Workspace;
import io.portcullis.engine.plan.PlanFile;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.report.EngineJson;
import io.portcullis.engine.router.Digests;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.targets.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "plan",
        description = {
            "Read each router's managed configuration (read-only: no lock, edit or commit) and show what apply would change:",
            "the change in the platform's own terms, the reverse change and the packet-fate delta.",
            "Exit 0 no changes, 2 changes, 1 error (a router that cannot be reached is an error)."
        })
public class PlanCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Mixin
    RecordOptions record;

    @Option(
            names = "--out",
            description = "Write the plan bound to the state it saw (apply --plan refuses routers that changed since).")
    Path out;

    @Option(names = "--json", description = "Print the plan as JSON (always with the reverse change).")
    boolean json;

    @Option(
            names = "--gitlab-report",
            paramLabel = "FILE",
            description = {
                "Also write the GitLab merge-request widget report here",
                "(Terraform report shape: create/update/delete router counts; artifacts:reports:terraform)."
            })
    Path gitlabReport;

    @Option(
            names = "--show-reverse",
            description = "Also print each router's reverse change (what undoing the apply would do).")
    boolean showReverse;

    @Option(names = "--parallel", defaultValue = "50", description = "Routers read at once.")
    int parallel;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (!OutputPaths.writable("plan", err, out, gitlabReport)) {
            return ExitCodes.USAGE;
        }
        Workspace w = Workspace.open(global.policy, global.inventory, global.limit, err)
                .orElse(null);
        if (w == null) {
            return ExitCodes.ERROR;
        }
        List<Target> targets = EngineCommands.targets(w, err);
        CliRecorder recorder =
                CliRecorder.start("plan", global, record.actor, null, java.util.Map.of("parallel", "" + parallel), err);
        try (NetconfConnector connector = NetconfConnector.create(ProtocolTrace.of(global.verbose, err))) {
            Engine engine = EngineCommands.engine(connector);
            java.time.Instant started = java.time.Instant.now();
            List<RouterPlan> plans;
            try (CommandProgress progress =
                    new CommandProgress("plan", "routers read", targets.size(), err, CommandProgress.terminal())) {
                plans = engine.plan(targets, parallel, p -> progress.done());
            }
            recorder.planned(plans, false);
            PlanFile plan = engine.planFile(Digests.policyFiles(global.policy), plans, started);
            if (out != null) {
                plan.write(out);
            }
            if (gitlabReport != null) {
                GitLabPlanReport.write(plans, gitlabReport);
            }
            List<io.portcullis.engine.memory.Quarantine> quarantined = QuarantineNotes.among(targets, "plan", err);
            if (json) {
                stdout.println(EngineJson.write(plan));
                stdout.flush();
                QuarantineNotes.print(quarantined, err); // stdout stays the plan file's JSON
            } else {
                PlanPrinter.print(
                        plans, new PlanPrinter.Options(false, global.verbose, showReverse, global.style()), stdout);
                QuarantineNotes.print(quarantined, stdout);
                if (out != null) {
                    stdout.println(
                            "Plan written to " + out + "; apply exactly this with: portcullis apply --plan " + out);
                    stdout.flush();
                }
            }
            int exit = Engine.exitCode(plans);
            recorder.finish(exit, null, err);
            return exit;
        }
    }
}
