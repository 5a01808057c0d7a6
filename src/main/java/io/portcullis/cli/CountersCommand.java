package io.portcullis.cli;

import io.portcullis.engine.Workspace;
import io.portcullis.engine.counters.CounterLedger;
import io.portcullis.engine.counters.CounterReport;
import io.portcullis.engine.counters.CounterSample;
import io.portcullis.engine.counters.NetconfCounterSampler;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.targets.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code portcullis counters}: what the routers' own counters say about the promise being enforced (read-only). */
@Command(
        name = "counters",
        description = {
            "Read the match counters of Portcullis' terms on every router (read-only) and say",
            "per router whether drops are observed. Exit 0 when every router's counters were read, 1 otherwise."
        })
public class CountersCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Option(names = "--router", split = ",", description = "Only these routers (comma-separated names).")
    List<String> routers;

    @Option(names = "--json", description = "Print the portcullis-counters/1 document.")
    boolean json;

    @Option(names = "--parallel", defaultValue = "50", description = "Routers read at once (default ${DEFAULT-VALUE}).")
    int parallel;

    @Option(
            names = "--last-read",
            description = "File keeping the previous read, for deltas (default ${DEFAULT-VALUE}).",
            defaultValue = ".portcullis/counters/last-read.json")
    Path lastRead;

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
        if (routers != null && !routers.isEmpty()) {
            Set<String> wanted = Set.copyOf(routers);
            Set<String> known = targets.stream().map(Target::name).collect(Collectors.toSet());
            List<String> unknown =
                    routers.stream().filter(r -> !known.contains(r)).toList();
            if (!unknown.isEmpty()) {
                err.println("portcullis counters: no router " + String.join(", ", unknown)
                        + " in scope of the inventory " + global.inventory + "; check the name or --limit.");
                return ExitCodes.USAGE;
            }
            targets = targets.stream().filter(t -> wanted.contains(t.name())).toList();
        }
        CounterLedger ledger = CounterLedger.open(lastRead);
        if (ledger.problem() != null) {
            err.println("warning: " + ledger.problem());
        }
        java.time.Instant started = java.time.Instant.now();
        List<CounterSample> samples;
        try (NetconfConnector connector = NetconfConnector.create(ProtocolTrace.of(global.verbose, err))) {
            samples = new NetconfCounterSampler(connector, parallel, Clock.systemUTC()).sample(targets);
        }
        CounterReport report = CounterReport.of(samples, ledger);
        ledger.remember(samples);
        try {
            ledger.save();
        } catch (IOException e) {
            err.println("warning: cannot keep this read in " + lastRead + " (" + e.getMessage()
                    + "); the next read shows no deltas");
        }
        if (json) {
            out.println(io.portcullis.json.JsonMappers.write(
                    io.portcullis.json.JsonMappers.DOCUMENTS,
                    report.json(io.portcullis.engine.ToolVersion.current(), started, java.time.Instant.now())));
        } else {
            print(report, out);
        }
        out.flush();
        err.flush();
        return report.routers().stream().allMatch(r -> r.unavailable() == null) ? ExitCodes.OK : ExitCodes.ERROR;
    }

    static void print(CounterReport report, PrintWriter out) {
        java.text.NumberFormat nf = java.text.NumberFormat.getIntegerInstance(java.util.Locale.US);
        for (CounterReport.RouterCounters r : report.routers()) {
            out.println(r.router() + " (" + r.platform() + "): " + r.verdict());
            String filter = null;
            for (CounterReport.TermRow t : r.terms()) {
                if (!t.filter().equals(filter)) {
                    filter = t.filter();
                    out.println("  " + t.family() + " " + t.filter());
                }
                String numbers = t.packets() == null
                        ? "— (" + t.note() + ")"
                        : nf.format(t.packets()) + " packets"
                                + (t.bytes() == null ? "" : ", " + nf.format(t.bytes()) + " bytes")
                                + (t.delta() == null ? "" : ", +" + nf.format(t.delta()) + " since the last read");
                out.printf("    %-14s %-8s %s%n", t.term(), t.action(), numbers);
            }
            if (r.aggregation() != null) {
                out.println("  (" + r.aggregation() + (r.confirmed() ? "" : "; counter path unconfirmed: " + r.source())
                        + ")");
            }
        }
    }
}
