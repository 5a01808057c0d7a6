package io.portcullis.cli;

import io.portcullis.engine.Workspace;
import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.apply.Journal;
import io.portcullis.engine.apply.Recovery;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.targets.Target;
import io.portcullis.json.JsonMappers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "recover",
        description = {
            "Finish what a crashed 'apply --on-failure revert' left pending: for every open journal entry,",
            "read the router back, then cancel its pending commit by persist-id (default) or, with --confirm, confirm it",
            "only if the read-back proves the policy; each router's verified state is reported and its entry closed.",
            "Exit 0 when every entry reached the state asked for, 1 otherwise (unreachable, unproven, corrupt journal lines)."
        })
public class RecoverCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Mixin
    RecordOptions record;

    static final class Action {
        @Option(
                names = "--confirm",
                description = "Confirm pending commits whose read-back proves the policy (others are cancelled).")
        boolean confirm;

        @Option(names = "--cancel", description = "Cancel every pending commit (default).")
        boolean cancel;
    }

    @ArgGroup(exclusive = true)
    Action action;

    @Option(names = "--journal", description = "Journal directory (default .portcullis/journal).")
    Path journal;

    @Option(names = "--json", description = "Print the " + RecoverDocument.FORMAT + " document instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        java.time.Instant started = java.time.Instant.now();
        Recovery.Mode mode = action != null && action.confirm ? Recovery.Mode.CONFIRM : Recovery.Mode.CANCEL;
        Journal j = new Journal(journal == null ? Journal.DEFAULT_DIR : journal);
        if (!java.nio.file.Files.isDirectory(j.dir())) {
            // a misspelt --journal must not read as "nothing pending"; the default missing means no revert run ever
            // wrote here
            if (journal != null) {
                err.println("portcullis recover: the journal directory " + j.dir()
                        + " does not exist; check the path given to --journal");
                err.flush();
                return ExitCodes.ERROR;
            }
            if (json) {
                out.println(JsonMappers.write(JsonMappers.DOCUMENTS, RecoverDocument.of(mode, j.dir(), null, started)));
            } else {
                out.println("Recover: no journal at " + j.dir()
                        + " (no 'apply --on-failure revert' ran from this directory); nothing to recover.");
            }
            out.flush();
            return ExitCodes.OK;
        }
        Workspace w = Workspace.open(global.policy, global.inventory, global.limit, err)
                .orElse(null);
        if (w == null) {
            return ExitCodes.ERROR;
        }
        List<Target> targets = EngineCommands.targets(w, err);
        CliRecorder recorder = CliRecorder.start(
                "recover",
                global,
                record.actor,
                null,
                java.util.Map.of("mode", mode.name().toLowerCase()),
                err);
        Recovery.Result r;
        try (NetconfConnector connector = NetconfConnector.create(ProtocolTrace.of(global.verbose, err))) {
            r = new Recovery(EngineCommands.engine(connector).context(), j, ApplyOptions.defaults())
                    .recover(targets, mode);
        } catch (IOException e) {
            recorder.finish(ExitCodes.ERROR, "journal unreadable", err);
            err.println("portcullis recover: the journal " + j.dir() + " cannot be read ("
                    + e.getClass().getSimpleName() + "); check its permissions or pass --journal DIR");
            return ExitCodes.ERROR;
        }
        for (Journal.Problem p : r.problems()) {
            err.println("portcullis recover: journal " + p.describe() + " — check the router it was about by hand");
        }
        if (json) {
            out.println(JsonMappers.write(JsonMappers.DOCUMENTS, RecoverDocument.of(mode, j.dir(), r, started)));
        }
        for (Recovery.Entry e : json ? List.<Recovery.Entry>of() : r.entries()) {
            out.println(e.outcome().router() + " (run " + e.run() + "): "
                    + e.outcome().state() + " (" + e.outcome().reason() + ") "
                    + e.outcome().message() + (e.closed() ? "" : " [entry left open]")
                    + quarantineIfFailed(e, targets, err));
        }
        long applied = r.entries().stream()
                .filter(e -> e.outcome().state() == OutcomeState.APPLIED)
                .count();
        long open = r.entries().stream().filter(e -> !e.closed()).count();
        (json ? err : out)
                .println("Recover (" + mode.name().toLowerCase() + "): "
                        + r.entries().size() + " pending entr" + (r.entries().size() == 1 ? "y" : "ies")
                        + ", " + applied + " applied, " + (r.entries().size() - applied - open)
                        + " at their previous configuration, " + open + " left open"
                        + (r.problems().isEmpty() ? "" : ", " + r.problems().size() + " unreadable journal line(s)")
                        + ".");
        out.flush();
        err.flush();
        r.entries().forEach(e -> recorder.routerFinished(e.outcome()));
        int exit = r.success() ? ExitCodes.OK : ExitCodes.ERROR;
        recorder.finish(exit, null, err);
        return exit;
    }

    /** A router whose recovery left it open or failed is quarantined (issue 13 item 3): apply skips it until released. */
    private String quarantineIfFailed(Recovery.Entry e, List<Target> targets, java.io.PrintWriter err) {
        OutcomeState s = e.outcome().state();
        if (e.closed() && s != OutcomeState.ROLLBACK_FAILED && s != OutcomeState.UNKNOWN_RECONCILED) {
            return "";
        }
        try (io.portcullis.guard.Guards.Opened g = io.portcullis.guard.Guards.open(
                io.portcullis.store.DbSettings.current(),
                io.portcullis.store.Identity.of(System.getenv(), record.actor).actor())) {
            g.guard()
                    .memory()
                    .quarantine(new io.portcullis.engine.memory.Quarantine(
                            e.outcome().router(),
                            targets.stream()
                                    .filter(t -> t.name().equals(e.outcome().router()))
                                    .findFirst()
                                    .map(t -> io.portcullis.engine.memory.RouterLocks.key(t.device()))
                                    .orElse(null),
                            "RECOVERY_FAILED",
                            io.portcullis.engine.router.RouterText.oneLine(
                                    e.outcome().reason() + ": " + e.outcome().message()),
                            e.run(),
                            g.guard().actor(),
                            java.time.Instant.now()));
            return " [quarantined: 'portcullis quarantine release "
                    + e.outcome().router() + "' after looking at it]";
        } catch (RuntimeException ex) {
            err.println("portcullis recover: " + e.outcome().router() + " could not be quarantined (" + ex.getMessage()
                    + ")");
            return "";
        }
    }
}
