package io.portcullis.cli;

import io.portcullis.engine.memory.Quarantine;
import io.portcullis.engine.memory.RouterMemory;
import io.portcullis.guard.Guards;
import io.portcullis.store.DbSettings;
import io.portcullis.store.StoreException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quarantine list} and {@code quarantine release ROUTER}: routers apply skips until a person has looked at them. */
@Command(
        name = "quarantine",
        description = {
            "Routers a run left ROLLBACK_FAILED or UNKNOWN_RECONCILED (or whose recovery failed) are",
            "quarantined: apply skips them (and exits 1) until they are released here after someone looked at them, or until an",
            "apply with --include-quarantined proves them. Kept in the database (portcullis.db.url), or in",
            "<portcullis.state-dir>/routers.json when recording is off."
        },
        subcommands = {QuarantineCommand.ListQuarantine.class, QuarantineCommand.Release.class})
public class QuarantineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** The memory behind the command, or null after printing why it cannot be used. */
    static Guards.Opened open(String command, PrintWriter err) {
        try {
            return Guards.open(DbSettings.current(), "quarantine");
        } catch (StoreException | RouterMemory.MemoryException e) {
            err.println("portcullis quarantine " + command + ": " + e.getMessage());
            return null;
        }
    }

    @Command(
            name = "list",
            description = {
                "The quarantined routers: since when, which run left them in which state, why.",
                "Exit 0 when none is quarantined, 1 when some are (or the list cannot be read)."
            })
    static class ListQuarantine implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Guards.Opened g = open("list", err)) {
                if (g == null) {
                    return ExitCodes.ERROR;
                }
                List<Quarantine> all = g.guard().memory().quarantined();
                if (all.isEmpty()) {
                    out.println("No router is quarantined (" + g.where() + ").");
                    return ExitCodes.OK;
                }
                for (Quarantine q : all) {
                    out.println(q.router() + "  " + q.state() + "  since " + q.since() + "  run " + q.runId() + " by "
                            + q.actor() + ": " + q.reason());
                }
                out.println(
                        all.size()
                                + " router(s) quarantined; release one with 'portcullis quarantine release ROUTER' after looking at it.");
                return ExitCodes.ERROR;
            } catch (RouterMemory.MemoryException e) {
                err.println("portcullis quarantine list: " + e.getMessage());
                return ExitCodes.ERROR;
            }
        }
    }

    @Command(
            name = "release",
            description = {
                "Let apply touch ROUTER again (after someone looked at it). Exit 0 when released,",
                "1 when it was not quarantined or the quarantine cannot be changed."
            })
    static class Release implements Callable<Integer> {
        @Parameters(paramLabel = "ROUTER", description = "The router's inventory name.")
        String router;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (router == null || router.isBlank()) {
                err.println("portcullis quarantine release: name the router to release");
                return ExitCodes.USAGE;
            }
            try (Guards.Opened g = open("release", err)) {
                if (g == null) {
                    return ExitCodes.ERROR;
                }
                if (!g.guard().memory().release(router)) {
                    err.println("portcullis quarantine release: " + router
                            + " is not quarantined ('portcullis quarantine list' shows which are)");
                    return ExitCodes.ERROR;
                }
                out.println(router + " released from quarantine; the next apply may touch it.");
                return ExitCodes.OK;
            } catch (RouterMemory.MemoryException e) {
                err.println("portcullis quarantine release: " + e.getMessage());
                return ExitCodes.ERROR;
            }
        }
    }
}
