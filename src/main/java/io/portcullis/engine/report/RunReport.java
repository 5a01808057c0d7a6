package io.portcullis.engine.report;

import com.fasterxml.jackson.annotation.JsonValue;
import io.portcullis.json.JsonMappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One apply run: per-router final state, reason, changes. Serialised it is always the apply document
 * ({@link #document()}, {@code docs/schemas/apply.schema.json}): {@code apply --json}, {@code --report FILE} and the
 * {@code report} of {@code GET /api/runs/{id}} are the same JSON.
 */
public record RunReport(String runId, String toolVersion, String policyDigest, String planFile, Instant startedAt,
                        Instant finishedAt, String haltedBecause, Map<OutcomeState, Integer> counts, List<RouterOutcome> routers) {
    public static final String FORMAT = "portcullis-apply/1";

    public RunReport {
        routers = List.copyOf(routers);
    }

    public static Map<OutcomeState, Integer> count(List<RouterOutcome> outcomes) {
        Map<OutcomeState, Integer> m = new EnumMap<>(OutcomeState.class);
        outcomes.forEach(o -> m.merge(o.state(), 1, Integer::sum));
        return m;
    }

    public boolean success() {
        return haltedBecause == null && routers.stream().allMatch(o -> o.state().success());
    }

    /** The apply document, keys in a fixed order. */
    @JsonValue
    public Map<String, Object> document() {
        Map<String, Object> doc = Documents.header(FORMAT, toolVersion, startedAt, finishedAt);
        doc.put("runId", runId);
        doc.put("policyDigest", policyDigest);
        doc.put("planFile", planFile);
        doc.put("success", success());
        doc.put("haltedBecause", haltedBecause);
        Map<String, Integer> c = new LinkedHashMap<>();
        counts.forEach((state, n) -> c.put(state.name(), n));
        doc.put("counts", c);
        doc.put("routers", routers.stream().map(Outcomes::router).toList());
        return doc;
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson());
    }

    public String toJson() {
        return JsonMappers.write(JsonMappers.DOCUMENTS, document());
    }
}
