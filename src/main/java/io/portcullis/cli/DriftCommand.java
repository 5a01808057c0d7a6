package io.portcullis.cli;

import io.portcullis.engine.Engine;
import io.portcullis.engine.ToolVersion;
import io.portcullis.engine.Workspace;
import io.portcullis.engine.drift.DriftDocument;
import io.portcullis.engine.drift.DriftEntry;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.targets.Target;
import io.portcullis.json.JsonMappers;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "drift",
        description = {
            "Compare every router's running configuration with the policy (read-only), classified",
            "(filter missing, term missing/extra/changed, binding missing, reordered) with the packet impact.",
            "Exit 0 in sync, 2 drift, 1 error."
        })
public class DriftCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Mixin
    RecordOptions record;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--parallel", defaultValue = "50", description = "Routers read at once.")
    int parallel;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Workspace w = Workspace.open(global.policy, global.inventory, global.limit, err)
                .orElse(null);
        if (w == null) {
            return ExitCodes.ERROR;
        }
        List<Target> targets = EngineCommands.targets(w, err);
        CliRecorder recorder =
                CliRecorder.start("drift", global, record.actor, null, Map.of("parallel", "" + parallel), err);
        try (NetconfConnector connector = NetconfConnector.create(ProtocolTrace.of(global.verbose, err))) {
            java.time.Instant started = java.time.Instant.now();
            List<RouterPlan> plans;
            try (CommandProgress progress =
                    new CommandProgress("drift", "routers read", targets.size(), err, CommandProgress.terminal())) {
                plans = EngineCommands.engine(connector).plan(targets, parallel, p -> progress.done());
            }
            recorder.planned(plans, true);
            List<io.portcullis.engine.memory.Quarantine> quarantined = QuarantineNotes.among(targets, "drift", err);
            if (json) {
                out.println(JsonMappers.write(
                        JsonMappers.DOCUMENTS,
                        DriftDocument.of(
                                ToolVersion.current(),
                                started,
                                java.time.Instant.now(),
                                plans.stream().map(DriftEntry::of).toList())));
                QuarantineNotes.print(quarantined, err); // stdout stays the drift document
                out.flush();
            } else {
                PlanPrinter.print(plans, new PlanPrinter.Options(true, global.verbose, false, global.style()), out);
                QuarantineNotes.print(quarantined, out);
            }
            int exit = Engine.exitCode(plans);
            recorder.finish(exit, null, err);
            return exit;
        }
    }
}
