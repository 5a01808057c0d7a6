package io.portcullis.cli;

import io.portcullis.engine.Workspace;
import io.portcullis.json.JsonMappers;
import io.portcullis.policy.Diagnostic;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code portcullis validate}: YANG and semantic checks of policy + inventory; 0 valid, 1 invalid. */
@Command(
        name = "validate",
        description = "Check the policy (YANG + semantic rules) and the inventory; exit 0 if valid, 1 if not.")
public class ValidateCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Option(
            names = "--json",
            description = "Print the " + ValidateDocument.FORMAT
                    + " document (every diagnostic with file:line) instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant started = Instant.now();
        Workspace w = Workspace.load(global.policy, global.inventory, global.limit);
        int exit = w.hasErrors() ? ExitCodes.ERROR : ExitCodes.OK;
        if (json) {
            out.println(JsonMappers.write(
                    JsonMappers.DOCUMENTS, ValidateDocument.of(w, global.policy, global.inventory, started, exit)));
            out.flush();
            return exit;
        }
        w.printDiagnostics(err);
        List<Diagnostic> setup = w.setupWarnings(System::getenv);
        setup.forEach(d -> err.println(d.format()));
        if (w.hasErrors()) {
            err.println("portcullis validate: " + w.summary(setup.size()));
            err.flush();
            return ExitCodes.ERROR;
        }
        w.reportOutOfScope(out);
        w.missingFeatures().forEach(err::println);
        err.flush();
        out.println("portcullis validate: " + w.summary(setup.size()));
        out.flush();
        return ExitCodes.OK;
    }
}
