package io.portcullis.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One recorded run as {@code history} and {@code GET /api/runs} show it (JSON format portcullis-history/1).
 * {@code routers} is empty in listings and filled for one run; {@code counts} are per state over all its routers.
 * {@code exitCode} is null while the run is still going (or died without finishing). {@code routersChecked} and
 * {@code routersUnchanged}: for serve's drift checks, how many routers the check covered and how many of them have no
 * row in this run because a scheduled check found them as their last recorded check did (null for other runs).
 */
public record HistoryRun(
        String id,
        String kind,
        String actor,
        String osUser,
        String apiCaller,
        Map<String, String> ci,
        String policyRevision,
        String policyDigest,
        String inventoryDigest,
        String planDigest,
        String toolVersion,
        Map<String, String> options,
        Instant startedAt,
        Instant finishedAt,
        Integer exitCode,
        String haltedBecause,
        Map<String, Integer> counts,
        Integer routersChecked,
        Integer routersUnchanged,
        List<Router> routers) {

    public HistoryRun {
        ci = ci == null ? Map.of() : ci;
        options = options == null ? Map.of() : options;
        counts = counts == null ? Map.of() : counts;
        routers = routers == null ? List.of() : List.copyOf(routers);
    }

    HistoryRun withRouters(Map<String, Integer> c, List<Router> r) {
        return new HistoryRun(
                id,
                kind,
                actor,
                osUser,
                apiCaller,
                ci,
                policyRevision,
                policyDigest,
                inventoryDigest,
                planDigest,
                toolVersion,
                options,
                startedAt,
                finishedAt,
                exitCode,
                haltedBecause,
                c,
                routersChecked,
                routersUnchanged,
                r);
    }

    /** One router of a run. */
    public record Router(
            String router,
            String platform,
            String state,
            String reason,
            List<String> changes,
            List<String> impact,
            String digestBefore,
            String digestAfter,
            String error,
            long millis) {
        public Router {
            changes = changes == null ? List.of() : List.copyOf(changes);
            impact = impact == null ? List.of() : List.copyOf(impact);
        }
    }
}
