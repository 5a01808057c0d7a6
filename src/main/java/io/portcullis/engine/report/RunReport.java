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
public record RunReport(
        String runId,
        String toolVersion,
        String policyDigest,
        String planFile,
        Instant startedAt,
        Instant finishedAt,
        String haltedBecause,
        Map<OutcomeState, Integer> counts,
        List<RouterOutcome> routers,
        Recording recording) {
    public static final String FORMAT = "portcullis-apply/1";

    public RunReport {
        routers = List.copyOf(routers);
    }

    /** A report that does not (yet) say whether the run is in the history database: no {@code recording} key. */
    public RunReport(
            String runId,
            String toolVersion,
            String policyDigest,
            String planFile,
            Instant startedAt,
            Instant finishedAt,
            String haltedBecause,
            Map<OutcomeState, Integer> counts,
            List<RouterOutcome> routers) {
        this(runId, toolVersion, policyDigest, planFile, startedAt, finishedAt, haltedBecause, counts, routers, null);
    }

    /**
     * Whether the run is in the history database ({@code portcullis history RUN_ID}), the document's optional
     * {@code recording} object. The run's outcome on the routers never depends on it.
     *
     * @param state   RECORDED (the run and every router are in the database, under {@code runId}), NOT_RECORDED (the
     *                database could not be written; the routers are as the report says all the same) or OFF
     *                ({@code portcullis.db.enabled=false})
     * @param runId   the id {@code portcullis history} knows the run by when RECORDED, else null
     * @param message why it is NOT_RECORDED, one line, secrets masked; else null
     */
    public record Recording(String state, String runId, String message) {
        public static final String RECORDED = "RECORDED";
        public static final String NOT_RECORDED = "NOT_RECORDED";
        public static final String OFF = "OFF";

        public static Recording recorded(String runId) {
            return new Recording(RECORDED, runId, null);
        }

        public static Recording notRecorded(String message) {
            return new Recording(NOT_RECORDED, null, message);
        }

        public static Recording off() {
            return new Recording(OFF, null, null);
        }

        Map<String, Object> document() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("state", state);
            m.put("runId", runId);
            m.put("message", message);
            return m;
        }
    }

    /** This report, saying whether (and under which id) the run is in the history database. */
    public RunReport withRecording(Recording r) {
        return new RunReport(
                runId, toolVersion, policyDigest, planFile, startedAt, finishedAt, haltedBecause, counts, routers, r);
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
        if (recording != null) {
            doc.put("recording", recording.document());
        }
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
