package io.portcullis.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drift events inside one transaction: an observation resolves, opens or keeps open the router's event. The
 * router's open rows are read FOR UPDATE so two service replicas observing the same router at once serialise
 * on them instead of opening the same drift twice (when no row is open yet both may insert; the next
 * observation resolves all but the newest).
 */
final class DriftEvents {
    private static final String COLUMNS =
            "id, router, fingerprint, summary, changes_json, impact_json, changed_by, opened_at, last_seen_at, "
                    + "resolved_at, opened_by_run";
    private final Connection c;

    DriftEvents(Connection c) {
        this.c = c;
    }

    Optional<DriftEvent> observe(DriftObservation o) throws SQLException {
        List<DriftEvent> open = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM pcl_drift_event WHERE router = ? AND resolved_at IS NULL ORDER BY id DESC FOR UPDATE")) {
            ps.setString(1, o.router());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    open.add(read(rs));
                }
            }
        }
        DriftEvent keep = o.fingerprint() == null
                ? null
                : open.stream()
                        .filter(e -> e.fingerprint().equals(o.fingerprint()))
                        .findFirst()
                        .orElse(null);
        for (DriftEvent e : open) {
            if (e != keep) {
                resolve(e.id(), o);
            }
        }
        if (o.fingerprint() == null) {
            return Optional.empty();
        }
        if (keep != null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE pcl_drift_event SET last_seen_at = ?, changed_by = COALESCE(changed_by, ?) WHERE id = ?")) {
                ps.setObject(1, JdbcRunStore.time(o.at()));
                ps.setString(2, o.changedBy());
                ps.setLong(3, keep.id());
                ps.executeUpdate();
            }
            return byId(keep.id());
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO pcl_drift_event (router, platform, fingerprint, summary, changes_json, impact_json, changed_by, opened_at,
                                             last_seen_at, opened_by_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"})) {
            ps.setString(1, o.router());
            ps.setString(2, o.platform());
            ps.setString(3, o.fingerprint());
            ps.setString(4, Sanitizer.text(o.summary(), 2000));
            ps.setString(5, JsonColumns.write(o.changes()));
            ps.setString(6, JsonColumns.write(o.impact()));
            ps.setString(7, o.changedBy());
            ps.setObject(8, JdbcRunStore.time(o.at()));
            ps.setObject(9, JdbcRunStore.time(o.at()));
            ps.setString(10, o.runId());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return byId(keys.getLong(1));
            }
        }
    }

    private void resolve(long id, DriftObservation o) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE pcl_drift_event SET resolved_at = ?, resolved_by_run = ? WHERE id = ?")) {
            ps.setObject(1, JdbcRunStore.time(o.at()));
            ps.setString(2, o.runId());
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    private Optional<DriftEvent> byId(long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM pcl_drift_event WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    static List<DriftEvent> list(Connection c, String router, int limit) throws SQLException {
        String sql = router == null
                ? "SELECT " + COLUMNS
                        + " FROM pcl_drift_event WHERE resolved_at IS NULL ORDER BY opened_at DESC, id DESC LIMIT ?"
                : "SELECT " + COLUMNS
                        + " FROM pcl_drift_event WHERE router = ? ORDER BY opened_at DESC, id DESC LIMIT ?";
        List<DriftEvent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (router != null) {
                ps.setString(i++, router);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    private static DriftEvent read(ResultSet rs) throws SQLException {
        return new DriftEvent(
                rs.getLong("id"),
                rs.getString("router"),
                rs.getString("fingerprint"),
                rs.getString("summary"),
                JsonColumns.list(rs.getString("changes_json")),
                JsonColumns.list(rs.getString("impact_json")),
                rs.getString("changed_by"),
                JdbcRunStore.instant(rs, "opened_at"),
                JdbcRunStore.instant(rs, "last_seen_at"),
                JdbcRunStore.instant(rs, "resolved_at"),
                rs.getString("opened_by_run"));
    }
}
