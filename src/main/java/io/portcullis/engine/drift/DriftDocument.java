package io.portcullis.engine.drift;

import io.portcullis.engine.report.Documents;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The drift document ({@code drift --json}, {@code GET /api/drift}; {@code docs/schemas/drift.schema.json}): per router
 * its {@code state} (IN_SYNC, DRIFT, PENDING, ERROR), the changes read policy → router now ({@code before} = what the
 * policy wants, {@code after} = what the router has), the packet impact in the same direction, and the router's
 * difference in its own terms.
 */
public final class DriftDocument {
    public static final String FORMAT = "portcullis-drift/1";

    private DriftDocument() {}

    public static Map<String, Object> of(
            String toolVersion, Instant startedAt, Instant finishedAt, List<DriftEntry> entries) {
        Map<String, Object> doc = Documents.header(FORMAT, toolVersion, startedAt, finishedAt);
        Map<String, Integer> summary = new LinkedHashMap<>();
        for (String s : List.of("IN_SYNC", "DRIFT", "PENDING", "ERROR")) {
            summary.put(s, 0);
        }
        List<Map<String, Object>> routers =
                entries.stream().map(DriftDocument::router).toList();
        routers.forEach(r -> summary.merge((String) r.get("state"), 1, Integer::sum));
        doc.put("routers", routers);
        doc.put("summary", summary);
        return doc;
    }

    /**
     * The document of the service ({@code GET /api/drift}): each router also says when it was last checked and, while
     * drifted, who changed it when a change notification named someone ({@code lastCheck}, {@code changedBy}).
     */
    public static Map<String, Object> ofStatuses(
            String toolVersion, Instant startedAt, Instant finishedAt, List<RouterStatus> statuses) {
        Map<String, Object> doc = of(
                toolVersion,
                startedAt,
                finishedAt,
                statuses.stream().map(RouterStatus::drift).toList());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> routers = (List<Map<String, Object>>) doc.get("routers");
        for (int i = 0; i < routers.size(); i++) {
            routers.get(i).put("lastCheck", Documents.millis(statuses.get(i).lastCheck()));
            routers.get(i).put("changedBy", statuses.get(i).changedBy());
        }
        return doc;
    }

    /** One router; {@code state} is the engine's name of {@link DriftEntry#status()}. */
    static Map<String, Object> router(DriftEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("router", e.router());
        m.put("platform", e.platform());
        m.put("state", e.status().toUpperCase(Locale.ROOT).replace('-', '_'));
        m.put("fingerprint", e.fingerprint());
        m.put("changes", e.changeItems());
        m.put("impact", e.impactItems());
        m.put("diff", e.diff());
        m.put("errorKind", e.errorKind());
        m.put("error", e.error());
        return m;
    }
}
