package io.portcullis.ha;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of {@code pcl_router_state} and {@code pcl_fleet_check} (migration V6): read the fleet, write a batch of
 * changed routers together with the version bump in one transaction (update, else insert: portable between
 * PostgreSQL and H2, and only the leader writes), delete routers no longer watched.
 */
final class RouterStateTable {
    private RouterStateTable() {}

    /** The version, or -1 when the row is missing (a database migrated by a build without V6 cannot get here). */
    static long version(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM pcl_fleet_check WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    static FleetSnapshot read(Connection c, Instant now) throws SQLException {
        long version = -1;
        Instant lastFull = null;
        String writtenBy = null;
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT version, last_full_check_at, updated_by FROM pcl_fleet_check WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                version = rs.getLong(1);
                lastFull = instant(rs, "last_full_check_at");
                writtenBy = rs.getString(3);
            }
        }
        List<RouterStateRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT router, platform, state, fingerprint, changed_by, digest, status_json, changed_at, updated_by
                FROM pcl_router_state ORDER BY router""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new RouterStateRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        instant(rs, "changed_at"),
                        rs.getString(9)));
            }
        }
        return new FleetSnapshot(version, lastFull, writtenBy, rows, now);
    }

    /**
     * Writes {@code rows}, deletes {@code deleted}, records a full check when {@code fullCheck} is not null and bumps
     * the version, all in one transaction.
     */
    static void write(
            Connection c,
            List<RouterStateRow> rows,
            List<String> deleted,
            Instant fullCheck,
            int routersChecked,
            String replica,
            Instant now)
            throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (RouterStateRow r : rows) {
                upsert(c, r, replica);
            }
            for (String router : deleted) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM pcl_router_state WHERE router = ?")) {
                    ps.setString(1, router);
                    ps.executeUpdate();
                }
            }
            if (fullCheck != null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE pcl_fleet_check SET last_full_check_at = ?, routers_checked = ? WHERE id = 1")) {
                    ps.setObject(1, time(fullCheck));
                    ps.setInt(2, routersChecked);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE pcl_fleet_check SET version = version + 1, updated_at = ?, updated_by = ? WHERE id = 1")) {
                ps.setObject(1, time(now));
                ps.setString(2, replica);
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is gone: nothing was committed either way
            }
            throw e;
        } finally {
            try {
                c.setAutoCommit(auto);
            } catch (SQLException ignored) {
                // a broken connection is discarded by the pool
            }
        }
    }

    private static void upsert(Connection c, RouterStateRow r, String replica) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("""
                UPDATE pcl_router_state SET platform = ?, state = ?, fingerprint = ?, changed_by = ?, digest = ?, status_json = ?, changed_at = ?,
                       updated_by = ?
                WHERE router = ?""")) {
            bind(up, r, replica);
            if (up.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement("""
                INSERT INTO pcl_router_state (platform, state, fingerprint, changed_by, digest, status_json, changed_at, updated_by, router)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            bind(in, r, replica);
            in.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, RouterStateRow r, String replica) throws SQLException {
        ps.setString(1, r.platform());
        ps.setString(2, r.state());
        ps.setString(3, r.fingerprint());
        ps.setString(4, r.changedBy());
        ps.setString(5, r.digest());
        ps.setString(6, r.statusJson());
        ps.setObject(7, time(r.changedAt()));
        ps.setString(8, replica);
        ps.setString(9, r.router());
    }

    private static OffsetDateTime time(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
