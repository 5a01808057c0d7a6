package io.portcullis.cli;

import io.portcullis.store.DbSettings;
import io.portcullis.store.HistoryDocument;
import io.portcullis.store.HistoryQuery;
import io.portcullis.store.HistoryRun;
import io.portcullis.store.RunStore;
import io.portcullis.store.StoreException;
import io.portcullis.store.StoreOpener;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "history",
        description = {
            "Recorded runs from the database (portcullis.db.url; default the embedded H2 under .portcullis/state),",
            "newest first, one line per run: when, kind, who, policy revision, exit code and per-state router counts.",
            "'history RUN_ID' shows one run router by router. Exit 0, 1 when the database cannot be read."
        })
public class HistoryCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Parameters(
            arity = "0..1",
            paramLabel = "RUN_ID",
            description = "Show this run (its id or a unique prefix of at least 6 characters).")
    String runId;

    @Option(names = "--router", description = "Only runs that touched this router.")
    String router;

    @Option(
            names = "--kind",
            description = "Only runs of this kind: plan, apply, drift, recover, remediation, drift-check.")
    String kind;

    @Option(
            names = "--since",
            description = "Only runs started within this age (7d, 12h, 30m) or since this date (2026-12-01).")
    String since;

    @Option(names = "--limit", defaultValue = "20", description = "At most this many runs (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(
            names = "--pre-image",
            paramLabel = "ROUTER",
            description = {
                "With RUN_ID: print the managed subtree ROUTER held before that run,",
                "as read by the run (XML, secrets masked; kept when the run edited the router)."
            })
    String preImageOf;

    @Option(
            names = "--json",
            description = "Print " + HistoryDocument.FORMAT + " JSON (with every router of every run listed).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant started = Instant.now();
        HistoryQuery query;
        try {
            query = new HistoryQuery(router, kind, since == null ? null : since(since), limit);
        } catch (StoreException e) {
            err.println("portcullis history: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        DbSettings settings;
        try {
            settings = DbSettings.current();
        } catch (StoreException e) {
            err.println("portcullis history: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        if (preImageOf != null && runId == null) {
            err.println("portcullis history: --pre-image needs a RUN_ID ('portcullis history RUN_ID --pre-image "
                    + preImageOf + "')");
            return ExitCodes.USAGE;
        }
        if (!settings.enabled()) {
            err.println(
                    "portcullis history: recording is switched off (portcullis.db.enabled=false), so there is no history to show");
            return ExitCodes.ERROR;
        }
        try (RunStore store = StoreOpener.open(settings)) {
            if (runId != null) {
                HistoryRun run = store.run(runId).orElse(null);
                if (run == null) {
                    err.println("portcullis history: no run '" + runId + "' in " + settings.safeUrl()
                            + "; 'portcullis history' lists them");
                    return ExitCodes.ERROR;
                }
                if (preImageOf != null) {
                    String xml = store.preImage(run.id(), preImageOf).orElse(null);
                    if (xml == null) {
                        err.println("portcullis history: run " + run.id() + " kept no pre-image of '" + preImageOf
                                + "' (it is kept for routers the run edited; 'portcullis history " + runId
                                + "' lists them)");
                        return ExitCodes.ERROR;
                    }
                    out.println(xml);
                } else if (json) {
                    out.println(HistoryDocument.of(List.of(run), io.portcullis.engine.ToolVersion.current(), started)
                            .toJson());
                } else {
                    HistoryText.printRun(run, out);
                }
            } else {
                List<HistoryRun> runs = store.history(query);
                if (json) {
                    List<HistoryRun> full = new ArrayList<>();
                    for (HistoryRun r : runs) {
                        full.add(store.run(r.id()).orElse(r));
                    }
                    out.println(HistoryDocument.of(full, io.portcullis.engine.ToolVersion.current(), started)
                            .toJson());
                } else if (runs.isEmpty()) {
                    out.println(
                            "No runs recorded" + (router != null || kind != null || since != null ? " that match" : "")
                                    + " in " + settings.safeUrl() + ".");
                } else {
                    runs.forEach(r -> out.println(HistoryText.line(r)));
                }
            }
            out.flush();
            return ExitCodes.OK;
        } catch (StoreException e) {
            err.println("portcullis history: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }

    static Instant since(String text) {
        String t = text.trim();
        if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (t.contains("T")) {
            try {
                return Instant.parse(t);
            } catch (RuntimeException e) {
                throw new StoreException(
                        "--since '" + text + "' is neither an age (7d) nor a date (2026-12-01) nor an instant");
            }
        }
        return Instant.now().minus(DbSettings.parseAge(t));
    }

    /** Text renderings of runs (kept apart so the API's tests and the command share them). */
    static final class HistoryText {
        private HistoryText() {}

        static String line(HistoryRun r) {
            return String.format(
                    "%s  %s  %-11s %-16s %-9s %-7s %s",
                    shortId(r.id()),
                    WHEN.format(r.startedAt()),
                    r.kind(),
                    r.actor() == null ? "-" : r.actor(),
                    revision(r),
                    r.exitCode() == null ? "running" : "exit " + r.exitCode(),
                    counts(r));
        }

        static void printRun(HistoryRun r, PrintWriter out) {
            out.println("Run " + r.id() + " (" + r.kind() + "), exit "
                    + (r.exitCode() == null ? "unknown (not finished)" : r.exitCode()));
            out.println("  started  " + WHEN.format(r.startedAt())
                    + (r.finishedAt() == null ? "" : ", finished " + WHEN.format(r.finishedAt())));
            out.println("  by       " + r.actor()
                    + (r.osUser() != null && !r.osUser().equals(r.actor()) ? " (OS user " + r.osUser() + ")" : "")
                    + (r.ci().isEmpty() ? "" : " " + r.ci()));
            out.println("  policy   " + (r.policyRevision() == null ? "" : "revision " + r.policyRevision() + ", ")
                    + "digest " + r.policyDigest() + (r.planDigest() == null ? "" : ", plan " + r.planDigest()));
            if (!r.options().isEmpty()) {
                out.println("  options  " + r.options());
            }
            if (r.haltedBecause() != null) {
                out.println("  halted   " + r.haltedBecause());
            }
            for (HistoryRun.Router x : r.routers()) {
                out.println(x.router() + " (" + x.platform() + "): " + x.state()
                        + (x.reason() == null ? "" : " (" + x.reason() + ")")
                        + (x.error() == null ? "" : " " + x.error()));
                x.changes().forEach(c -> out.println("  " + c));
                x.impact().forEach(i -> out.println("    " + i));
                if (x.digestBefore() != null || x.digestAfter() != null) {
                    out.println("  running " + abbrev(x.digestBefore()) + " → " + abbrev(x.digestAfter()));
                }
            }
            out.println(counts(r) + ".");
        }

        /** The per-state counts, and for a scheduled check the routers it checked but did not record (unchanged). */
        static String counts(HistoryRun r) {
            Integer unchanged = r.routersUnchanged();
            if (unchanged == null || unchanged == 0) {
                return counts(r.counts());
            }
            return (r.counts().isEmpty() ? "" : counts(r.counts()) + ", ") + unchanged
                    + " unchanged (not recorded again) of " + r.routersChecked() + " checked";
        }

        static String counts(Map<String, Integer> counts) {
            if (counts.isEmpty()) {
                return "no routers";
            }
            StringBuilder sb = new StringBuilder();
            counts.forEach((state, n) -> sb.append(sb.length() == 0 ? "" : ", ")
                    .append(n)
                    .append(' ')
                    .append(state.toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
            return sb.toString();
        }

        private static String revision(HistoryRun r) {
            if (r.policyRevision() != null) {
                return r.policyRevision()
                        .substring(0, Math.min(9, r.policyRevision().length()));
            }
            return r.policyDigest() == null ? "-" : abbrev(r.policyDigest());
        }

        private static String shortId(String id) {
            return id.length() > 8 ? id.substring(0, 8) : String.format("%-8s", id);
        }

        private static String abbrev(String digest) {
            if (digest == null) {
                return "-";
            }
            String d = digest.startsWith("sha256:") ? digest.substring(7) : digest;
            return d.substring(0, Math.min(9, d.length()));
        }
    }
}
