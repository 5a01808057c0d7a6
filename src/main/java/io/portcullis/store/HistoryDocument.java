package io.portcullis.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.json.JsonMappers;
import java.util.List;

/**
 * The JSON of {@code portcullis history --json} and {@code GET /api/runs}: {@code {"format":"portcullis-history/1",
 * "runs":[…]}}, times as ISO-8601 UTC instants. One shape for both, so a script written against one reads the other.
 */
public record HistoryDocument(
        String format,
        String toolVersion,
        java.time.Instant startedAt,
        java.time.Instant finishedAt,
        List<HistoryRun> runs) {
    public static final String FORMAT = "portcullis-history/1";
    /** Indented, nulls kept (a run without a finish time says so): the documents mapper. */
    private static final ObjectMapper MAPPER = JsonMappers.DOCUMENTS;

    public static HistoryDocument of(List<HistoryRun> runs) {
        return new HistoryDocument(FORMAT, null, null, null, List.copyOf(runs));
    }

    /**
     * With the header every document carries: the tool that answered and when the query ran (the runs keep their own
     * times). Fields were only added to /1, so its version stays.
     */
    public static HistoryDocument of(List<HistoryRun> runs, String toolVersion, java.time.Instant startedAt) {
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return new HistoryDocument(
                FORMAT,
                toolVersion,
                startedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                now,
                List.copyOf(runs));
    }

    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static HistoryDocument fromJson(String json) {
        try {
            return MAPPER.readValue(json, HistoryDocument.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("not a " + FORMAT + " document: " + e.getOriginalMessage());
        }
    }
}
