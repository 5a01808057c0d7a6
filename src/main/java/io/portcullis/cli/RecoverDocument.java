package io.portcullis.cli;

import io.portcullis.engine.ToolVersion;
import io.portcullis.engine.apply.Journal;
import io.portcullis.engine.apply.Recovery;
import io.portcullis.engine.report.Documents;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.Outcomes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code recover --json} ({@code portcullis-recover/1}, {@code docs/schemas/recover.schema.json}): per open journal entry
 * the router's verified {@code state} (the apply document's names), the run it came from and whether the entry was
 * closed; unreadable journal lines as file:line (never the line's text: it may hold a token).
 */
final class RecoverDocument {
    static final String FORMAT = "portcullis-recover/1";

    private RecoverDocument() {}

    static Map<String, Object> of(Recovery.Mode mode, Path journal, Recovery.Result r, Instant startedAt) {
        Map<String, Object> doc = Documents.header(FORMAT, ToolVersion.current(), startedAt, Instant.now());
        doc.put("mode", mode.name());
        doc.put("journal", journal.toString());
        doc.put("success", r == null || r.success());
        List<Recovery.Entry> entries = r == null ? List.of() : r.entries();
        doc.put(
                "routers",
                entries.stream()
                        .map(e -> {
                            Map<String, Object> m = Outcomes.router(e.outcome());
                            m.put("run", e.run());
                            m.put("closed", e.closed());
                            return m;
                        })
                        .toList());
        doc.put(
                "problems",
                (r == null ? List.<Journal.Problem>of() : r.problems())
                        .stream()
                                .map(p -> {
                                    Map<String, Object> m = new LinkedHashMap<>();
                                    m.put("file", p.file().toString());
                                    m.put("line", p.line());
                                    m.put("text", p.describe());
                                    return m;
                                })
                                .toList());
        long applied = entries.stream()
                .filter(e -> e.outcome().state() == OutcomeState.APPLIED)
                .count();
        long open = entries.stream().filter(e -> !e.closed()).count();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("entries", entries.size());
        summary.put("applied", applied);
        summary.put("previousConfiguration", entries.size() - applied - open);
        summary.put("leftOpen", open);
        doc.put("summary", summary);
        return doc;
    }
}
