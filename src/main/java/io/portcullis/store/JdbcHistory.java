package io.portcullis.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The read side of {@link JdbcRunStore}. {@code history --router X} walks the (router, run_started_at) index
 * backwards and stops after {@code limit} rows, so it costs the same on a thousand rows as on millions; the
 * per-state counts come with each finished run's row ({@link StateCounts}), and are counted from the router rows, through
 * the primary key, only for runs still open (or recorded before they were kept).
 */
final class JdbcHistory {
    private static final String RUN_COLUMNS =
            "r.id, r.kind, r.started_at, r.finished_at, r.exit_code, r.tool_version, r.actor, r.os_user, "
                    + "r.api_caller, r.ci_json, r.options_json, r.policy_revision, r.policy_digest, r.inventory_digest, r.plan_digest, r.halted_because, "
                    + "r.routers_checked, r.routers_unchanged, r.state_counts";
    private final JdbcRunStore store;

    JdbcHistory(JdbcRunStore store) {
        this.store = store;
    }

    List<HistoryRun> runs(HistoryQuery q) {
        return store.inTransaction("read the history", c -> {
            StringBuilder sql = new StringBuilder("SELECT " + RUN_COLUMNS + " FROM ");
            List<Object> args = new ArrayList<>();
            if (q.router() != null) {
                // newest runs of this router first: an index range scan on (router, run_started_at)
                sql.append("pcl_router_run rr JOIN pcl_run r ON r.id = rr.run_id WHERE rr.router = ?");
                args.add(q.router());
                if (q.since() != null) {
                    sql.append(" AND rr.run_started_at >= ?");
                    args.add(JdbcRunStore.time(q.since()));
                }
                if (q.kind() != null) {
                    sql.append(" AND r.kind = ?");
                    args.add(q.kind());
                }
                sql.append(" ORDER BY rr.run_started_at DESC, r.id DESC LIMIT ?");
            } else {
                sql.append("pcl_run r WHERE 1 = 1");
                if (q.kind() != null) {
                    sql.append(" AND r.kind = ?");
                    args.add(q.kind());
                }
                if (q.since() != null) {
                    sql.append(" AND r.started_at >= ?");
                    args.add(JdbcRunStore.time(q.since()));
                }
                sql.append(" ORDER BY r.started_at DESC, r.id DESC LIMIT ?");
            }
            args.add(q.limit());
            List<HistoryRun> runs = new ArrayList<>();
            // per-state counts: written when each run finished; counted from its rows only for the others
            Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
            List<String> uncounted = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        HistoryRun run = readRun(rs);
                        runs.add(run);
                        Map<String, Integer> written = StateCounts.read(rs.getString("state_counts"));
                        if (written == null) {
                            uncounted.add(run.id());
                        } else {
                            counts.put(run.id(), written);
                        }
                    }
                }
            }
            counts.putAll(StateCounts.count(c, uncounted));
            return runs.stream()
                    .map(r -> r.withRouters(counts.getOrDefault(r.id(), Map.of()), List.of()))
                    .toList();
        });
    }

    Optional<HistoryRun> run(String id) {
        return store.inTransaction("read run " + id, c -> {
            List<HistoryRun> found = new ArrayList<>();
            boolean prefix = id.length() >= 6 && id.length() < 36;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM pcl_run r WHERE "
                    + (prefix ? "r.id LIKE ?" : "r.id = ?") + " LIMIT 2")) {
                ps.setString(1, prefix ? id.replace("%", "").replace("_", "") + "%" : id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(readRun(rs));
                    }
                }
            }
            if (found.size() != 1) {
                if (found.size() > 1) {
                    throw new StoreException("more than one run starts with '" + id + "'; give more of its id");
                }
                return Optional.empty();
            }
            HistoryRun run = found.get(0);
            List<HistoryRun.Router> routers = new ArrayList<>();
            Map<String, Integer> counts = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT router, platform, state, reason, changes_json, impact_json, digest_before, "
                            + "digest_after, error, millis FROM pcl_router_run WHERE run_id = ? ORDER BY router")) {
                ps.setString(1, run.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        routers.add(new HistoryRun.Router(
                                rs.getString("router"),
                                rs.getString("platform"),
                                rs.getString("state"),
                                rs.getString("reason"),
                                JsonColumns.list(rs.getString("changes_json")),
                                JsonColumns.list(rs.getString("impact_json")),
                                rs.getString("digest_before"),
                                rs.getString("digest_after"),
                                rs.getString("error"),
                                rs.getLong("millis")));
                        counts.merge(rs.getString("state"), 1, Integer::sum);
                    }
                }
            }
            return Optional.of(run.withRouters(counts, routers));
        });
    }

    /** The pre-image a run recorded for a router (for a later rollback), if any. */
    Optional<String> preImage(String runId, String router) {
        return store.inTransaction("read a pre-image", c -> {
            // kept once by digest since V11 (JdbcPreImages), inline in the row before
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(rr.pre_image, p.body)"
                    + " FROM pcl_router_run rr LEFT JOIN pcl_pre_image p ON p.digest = rr.pre_image_digest"
                    + " WHERE rr.run_id = ? AND rr.router = ?")) {
                ps.setString(1, runId);
                ps.setString(2, router);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    List<AlertDelivery> deliveries(String router, int limit) {
        return store.inTransaction("read alert deliveries", c -> {
            List<AlertDelivery> out = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT router, fingerprint, alert_status, sink, attempted_at, delivered, error "
                            + "FROM pcl_alert_delivery WHERE router = ? ORDER BY attempted_at DESC, id DESC LIMIT ?")) {
                ps.setString(1, router);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AlertDelivery(
                                rs.getString("router"),
                                rs.getString("fingerprint"),
                                rs.getString("alert_status"),
                                rs.getString("sink"),
                                JdbcRunStore.instant(rs, "attempted_at"),
                                rs.getBoolean("delivered"),
                                rs.getString("error")));
                    }
                }
            }
            return out;
        });
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static HistoryRun readRun(ResultSet rs) throws SQLException {
        int exit = rs.getInt("exit_code");
        Integer exitCode = rs.wasNull() ? null : exit;
        return new HistoryRun(
                rs.getString("id"),
                rs.getString("kind"),
                rs.getString("actor"),
                rs.getString("os_user"),
                rs.getString("api_caller"),
                JsonColumns.map(rs.getString("ci_json")),
                rs.getString("policy_revision"),
                rs.getString("policy_digest"),
                rs.getString("inventory_digest"),
                rs.getString("plan_digest"),
                rs.getString("tool_version"),
                JsonColumns.map(rs.getString("options_json")),
                JdbcRunStore.instant(rs, "started_at"),
                JdbcRunStore.instant(rs, "finished_at"),
                exitCode,
                rs.getString("halted_because"),
                Map.of(),
                nullableInt(rs, "routers_checked"),
                nullableInt(rs, "routers_unchanged"),
                List.of());
    }
}
