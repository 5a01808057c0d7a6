package io.portcullis.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds out-of-band changes that an apply overwrote before any check saw them (soak finding D), from the run tables
 * alone: for each router a finished run edited and left APPLIED, the running config it read before editing is
 * compared with the one the router held after the previous Portcullis run on it. Conservative: a router whose previous
 * run left it in a state Portcullis does not know (a rollback that could not be read back, an unknown outcome, no
 * recorded run) is not judged, and neither is one with a drift event opened in between or still open when the run
 * started (serve saw that change and alerted it).
 */
final class JdbcOverwrites {
    /** Runs that write the managed subtree (serve's own remediations are left out: they follow an alerted drift). */
    private static final String AUDITED_KINDS = "('apply', 'recover')";
    /**
     * Outcomes after which Portcullis knows what the router holds (its {@code digest_after}): applied and proven, found
     * unchanged, nothing committed, or rolled back and the rollback read back. Not ROLLBACK_FAILED or UNKNOWN_*: what
     * such a router holds is not known. (Until the 30-minute soak of 2026-12-06 only APPLIED and NO_CHANGE counted, and
     * every router a failed {@code --on-failure revert} run had rolled back went unjudged by the next apply.)
     */
    private static final java.util.Set<String> KNOWN_STATES =
            java.util.Set.of("APPLIED", "NO_CHANGE", "FAILED_NOT_APPLIED", "FAILED_ROLLED_BACK");
    /** The reason of a router's provisional row (proven, not yet confirmed): not what the router was left holding. */
    private static final String PROVISIONAL = "PROVEN_AWAITING_CONFIRM";

    private final JdbcRunStore store;

    JdbcOverwrites(JdbcRunStore store) {
        this.store = store;
    }

    /** Finished apply and recover runs started after {@code since} that no replica audited yet, oldest first. */
    List<String> unaudited(Instant since) {
        return store.inTransaction("read the runs to audit for overwritten changes", c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.id FROM pcl_run r WHERE r.kind IN "
                    + AUDITED_KINDS + " AND r.finished_at IS NOT NULL AND r.started_at >= ?"
                    + " AND NOT EXISTS (SELECT 1 FROM pcl_overwrite_audit a WHERE a.run_id = r.id)"
                    + " ORDER BY r.started_at, r.id")) {
                ps.setObject(1, JdbcRunStore.time(since));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** The overwritten changes of one run (see the class comment), in router order. */
    List<OverwrittenChange> find(String runId) {
        return store.inTransaction("audit run " + runId + " for overwritten changes", c -> {
            List<Edited> edited = edited(c, runId);
            if (edited.isEmpty()) {
                return List.of();
            }
            Map<String, Known> known = known(c, runId, edited.get(0).runStartedAt());
            List<OverwrittenChange> out = new ArrayList<>();
            for (Edited e : edited) {
                Known k = known.get(e.router());
                if (k == null
                        || !KNOWN_STATES.contains(k.state())
                        || PROVISIONAL.equals(k.reason())
                        || k.digestAfter() == null
                        || e.digestBefore() == null
                        || k.digestAfter().equals(e.digestBefore())
                        || driftEventBetween(c, e.router(), k.recordedAt(), e.recordedAt())
                        || driftOpenWhenRunStarted(c, e.router(), e.runStartedAt(), e.recordedAt())) {
                    continue;
                }
                out.add(new OverwrittenChange(
                        runId,
                        e.kind(),
                        e.actor(),
                        e.runStartedAt(),
                        e.router(),
                        e.platform(),
                        k.digestAfter(),
                        k.runId(),
                        e.digestBefore(),
                        JsonColumns.list(e.changesJson()),
                        JsonColumns.list(e.impactJson()),
                        e.recordedAt()));
            }
            return out;
        });
    }

    /** Marks a run audited by {@code by} with {@code overwritten} findings; false when another replica marked it first. */
    boolean markAudited(String runId, String by, int overwritten) {
        try {
            store.update(
                    "mark run " + runId + " audited",
                    "INSERT INTO pcl_overwrite_audit (run_id, audited_at, audited_by, overwritten) VALUES (?, ?, ?, ?)",
                    ps -> {
                        ps.setString(1, runId);
                        ps.setObject(2, JdbcRunStore.time(Instant.now()));
                        ps.setString(3, Sanitizer.text(by, 200));
                        ps.setInt(4, overwritten);
                    });
            return true;
        } catch (StoreException e) {
            if (SqlErrors.duplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private record Edited(
            String router,
            String platform,
            String kind,
            String actor,
            Instant runStartedAt,
            String digestBefore,
            String changesJson,
            String impactJson,
            Instant recordedAt) {}

    private record Known(String runId, String state, String reason, String digestAfter, Instant recordedAt) {}

    /** The routers the run edited and left APPLIED (a pre-image is kept only when something was edited). */
    private static List<Edited> edited(Connection c, String runId) throws SQLException {
        List<Edited> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT rr.router, rr.platform, r.kind, COALESCE(r.actor, r.api_caller, r.os_user) AS who, r.started_at,
                       rr.digest_before, rr.changes_json, rr.impact_json, rr.recorded_at
                FROM pcl_router_run rr JOIN pcl_run r ON r.id = rr.run_id
                WHERE rr.run_id = ? AND rr.state = 'APPLIED'
                  AND (rr.pre_image_digest IS NOT NULL OR rr.pre_image IS NOT NULL)
                  AND COALESCE(rr.reason, '') <> 'PROVEN_AWAITING_CONFIRM'
                ORDER BY rr.router""")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Edited(
                            rs.getString("router"),
                            rs.getString("platform"),
                            rs.getString("kind"),
                            rs.getString("who"),
                            JdbcRunStore.instant(rs, "started_at"),
                            rs.getString("digest_before"),
                            rs.getString("changes_json"),
                            rs.getString("impact_json"),
                            JdbcRunStore.instant(rs, "recorded_at")));
                }
            }
        }
        return out;
    }

    /**
     * Per router of the run, its row in the newest earlier run that wrote routers (apply, remediation, recover; started
     * before this run started): what Portcullis last left on it.
     */
    private static Map<String, Known> known(Connection c, String runId, Instant before) throws SQLException {
        Map<String, Known> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT router, run_id, state, reason, digest_after, recorded_at FROM (
                  SELECT k.router, k.run_id, k.state, k.reason, k.digest_after, k.recorded_at,
                         ROW_NUMBER() OVER (PARTITION BY k.router ORDER BY k.run_started_at DESC, k.recorded_at DESC) AS n
                  FROM pcl_router_run k JOIN pcl_run kr ON kr.id = k.run_id
                  WHERE kr.kind IN ('apply', 'remediation', 'recover') AND k.run_id <> ? AND k.run_started_at < ?
                    AND k.router IN (SELECT router FROM pcl_router_run WHERE run_id = ?)
                ) newest WHERE n = 1""")) {
            ps.setString(1, runId);
            ps.setObject(2, JdbcRunStore.time(before));
            ps.setString(3, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(
                            rs.getString("router"),
                            new Known(
                                    rs.getString("run_id"),
                                    rs.getString("state"),
                                    rs.getString("reason"),
                                    rs.getString("digest_after"),
                                    JdbcRunStore.instant(rs, "recorded_at")));
                }
            }
        }
        return out;
    }

    /**
     * Whether serve had a drift event open on the router when the run started: it was alerting the change the run then
     * overwrote. The window of {@link #driftEventBetween} does not cover this when the previous run's row is later than
     * its read of the router: a revert run records its routers' final outcomes at its end (and until commit c581898 every
     * apply recorded every router again at its end). Seen in the soak of 2026-12-07 03:07 (lab-ietf-0318): read by a
     * run, then changed and alerted at 03:15:34, recorded by that run at its end (03:16:06); the next apply, started at
     * 03:17:09 with the alert still open, overwrote the change, and the audit alerted it a second time, without an
     * author.
     */
    private static boolean driftOpenWhenRunStarted(Connection c, String router, Instant runStarted, Instant recorded)
            throws SQLException {
        // opened by the time the run recorded the router, not resolved before the run started
        return anyDriftEvent(
                c, "opened_at <= ? AND (resolved_at IS NULL OR resolved_at >= ?)", router, recorded, runStarted);
    }

    /** Whether serve opened a drift event on the router between the two instants: it saw (and alerted) the change. */
    private static boolean driftEventBetween(Connection c, String router, Instant from, Instant to)
            throws SQLException {
        return anyDriftEvent(c, "opened_at >= ? AND opened_at <= ?", router, from, to);
    }

    /** Whether the router has a drift event matching {@code condition}, whose two parameters are {@code a} and {@code b}. */
    private static boolean anyDriftEvent(Connection c, String condition, String router, Instant a, Instant b)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT COUNT(*) FROM pcl_drift_event WHERE router = ? AND " + condition)) {
            ps.setString(1, router);
            ps.setObject(2, JdbcRunStore.time(a));
            ps.setObject(3, JdbcRunStore.time(b));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
