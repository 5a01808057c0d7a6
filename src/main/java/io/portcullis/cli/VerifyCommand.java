package io.portcullis.cli;

import io.portcullis.engine.Workspace;
import io.portcullis.engine.verify.VerifyJson;
import io.portcullis.engine.verify.VerifyRun;
import io.portcullis.inventory.Device;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code portcullis verify}: for each selected device, prove the compiled IR and the rendered,
 * read-back configuration against the policy's promise over the whole packet space; then check
 * that all platforms classify every packet alike. Exit 0 proven, 3 violated, 1 error.
 */
@Command(
        name = "verify",
        description = {
            "Prove, packet class by packet class, that each device's compiled and rendered-then-read-back",
            "configuration keeps the policy's promise, and that all platforms agree.",
            "Exit 0 proven, 3 violated (counterexample printed), 1 error."
        })
public class VerifyCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Option(
            names = "--device",
            paramLabel = "NAME",
            description = "Verify only this device (default: all devices selected by --limit).")
    String device;

    @Option(names = "--json", description = "Print stable machine-readable JSON instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workspace w = Workspace.open(global.policy, global.inventory, global.limit, err)
                .orElse(null);
        if (w == null) {
            return ExitCodes.ERROR;
        }
        List<Device> devices;
        if (device != null) {
            Optional<Device> d = RenderCommand.findDevice(w, device, "verify", err);
            if (d.isEmpty()) {
                return ExitCodes.ERROR;
            }
            devices = List.of(d.get());
        } else {
            devices = w.devices();
        }
        java.time.Instant started = java.time.Instant.now();
        VerifyRun run;
        try (CommandProgress progress =
                new CommandProgress("verify", "routers verified", devices.size(), err, CommandProgress.terminal())) {
            run = VerifyRun.of(w, devices, r -> progress.done());
        }
        if (run.promise() == null) {
            err.println("portcullis verify: warning: no published promise at " + w.promiseFile()
                    + "; only the policy's own promise"
                    + " was proven (a policy change that weakens what subscribers were promised cannot be caught)");
        }
        int exit = exitCode(run.outcome());
        if (json) {
            out.println(VerifyJson.document(run, exit, started, java.time.Instant.now()));
        } else {
            VerifyReport.print(run, global.verbose, out, err);
        }
        out.flush();
        err.flush();
        return exit;
    }

    /** An error means the run could not prove anything for some device: 1; else any violation: 3. */
    static int exitCode(VerifyRun.Outcome outcome) {
        return switch (outcome) {
            case ERROR -> ExitCodes.ERROR;
            case VIOLATED -> ExitCodes.VIOLATED;
            case PROVEN -> ExitCodes.OK;
        };
    }
}
