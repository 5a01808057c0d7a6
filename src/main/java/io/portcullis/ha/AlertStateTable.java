package io.portcullis.ha;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.alert.Alert;
import io.portcullis.alert.AlertName;
import io.portcullis.alert.AlertState;
import io.portcullis.json.JsonMappers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of {@code pcl_alert_state} (migration V3) and {@code pcl_check_failure} (V4): read every row, write one alert (update, else insert:
 * portable between PostgreSQL and H2, and only the leader writes), delete one. Lists and the per-sink
 * delivery times are JSON text, as in the run history.
 */
final class AlertStateTable {
    private static final ObjectMapper JSON = JsonMappers.MESSAGES;

    private AlertStateTable() {}

    static List<AlertState> readAll(Connection c) throws SQLException {
        List<AlertState> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT fingerprint, alertname, status, router, platform, detail, summary, changes_json, impact_json, changed_by,
                       starts_at, ends_at, generator_url, sent_to_json
                FROM pcl_alert_state ORDER BY starts_at""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                AlertName name = byAlertname(rs.getString("alertname"));
                if (name == null) {
                    continue; // written by a newer build: not ours to deliver
                }
                Alert a = new Alert(
                        name,
                        Alert.Status.valueOf(rs.getString("status")),
                        rs.getString("router"),
                        rs.getString("platform"),
                        rs.getString("fingerprint"),
                        rs.getString("detail"),
                        rs.getString("summary"),
                        list(rs.getString("changes_json")),
                        list(rs.getString("impact_json")),
                        rs.getString("changed_by"),
                        instant(rs, "starts_at"),
                        instant(rs, "ends_at"),
                        rs.getString("generator_url"));
                Map<String, Instant> sentTo = new LinkedHashMap<>();
                map(rs.getString("sent_to_json")).forEach((sink, at) -> sentTo.put(sink, Instant.parse(at)));
                out.add(new AlertState(a, sentTo));
            }
        }
        return out;
    }

    static void write(Connection c, AlertState s, String replica, Instant now) throws SQLException {
        Alert a = s.alert();
        Map<String, String> sent = new LinkedHashMap<>();
        s.sentTo().forEach((sink, at) -> sent.put(sink, at.toString()));
        try (PreparedStatement up = c.prepareStatement("""
                UPDATE pcl_alert_state SET alertname = ?, status = ?, router = ?, platform = ?, detail = ?, summary = ?, changes_json = ?,
                       impact_json = ?, changed_by = ?, starts_at = ?, ends_at = ?, generator_url = ?, sent_to_json = ?, updated_at = ?,
                       updated_by = ?
                WHERE fingerprint = ?""")) {
            int i = bind(up, a, sent, replica, now);
            up.setString(i, a.fingerprint());
            if (up.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement("""
                INSERT INTO pcl_alert_state (alertname, status, router, platform, detail, summary, changes_json, impact_json, changed_by,
                                             starts_at, ends_at, generator_url, sent_to_json, updated_at, updated_by, fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int i = bind(in, a, sent, replica, now);
            in.setString(i, a.fingerprint());
            in.executeUpdate();
        }
    }

    /** Every router's count of consecutive failed checks (pcl_check_failure, migration V4). */
    static Map<String, Integer> readFailures(Connection c) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT router, failed_checks FROM pcl_check_failure");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    /** Writes the router's count (update, else insert); 0 deletes its row. */
    static void writeFailures(Connection c, String router, int count, String replica, Instant now) throws SQLException {
        if (count <= 0) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pcl_check_failure WHERE router = ?")) {
                ps.setString(1, router);
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE pcl_check_failure SET failed_checks = ?, updated_at = ?, updated_by = ? WHERE router = ?")) {
            up.setInt(1, count);
            up.setObject(2, time(now));
            up.setString(3, replica);
            up.setString(4, router);
            if (up.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement(
                "INSERT INTO pcl_check_failure (failed_checks, updated_at, updated_by, router) VALUES (?, ?, ?, ?)")) {
            in.setInt(1, count);
            in.setObject(2, time(now));
            in.setString(3, replica);
            in.setString(4, router);
            in.executeUpdate();
        }
    }

    static void delete(Connection c, String fingerprint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM pcl_alert_state WHERE fingerprint = ?")) {
            ps.setString(1, fingerprint);
            ps.executeUpdate();
        }
    }

    /** Binds every column but the fingerprint, in the order both statements list them; returns the fingerprint's index. */
    private static int bind(PreparedStatement ps, Alert a, Map<String, String> sent, String replica, Instant now)
            throws SQLException {
        ps.setString(1, a.name().alertname());
        ps.setString(2, a.status().name());
        ps.setString(3, a.router());
        ps.setString(4, a.platform());
        ps.setString(5, a.detail());
        ps.setString(6, a.summary());
        ps.setString(7, json(a.changes()));
        ps.setString(8, json(a.impact()));
        ps.setString(9, a.changedBy());
        ps.setObject(10, time(a.startsAt()));
        ps.setObject(11, time(a.endsAt()));
        ps.setString(12, a.generatorUrl());
        ps.setString(13, json(sent));
        ps.setObject(14, time(now));
        ps.setString(15, replica);
        return 16;
    }

    private static AlertName byAlertname(String alertname) {
        for (AlertName n : AlertName.values()) {
            if (n.alertname().equals(alertname)) {
                return n;
            }
        }
        return null;
    }

    private static OffsetDateTime time(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(String json) throws SQLException {
        return json == null ? List.of() : read(json, new TypeReference<List<String>>() {});
    }

    private static Map<String, String> map(String json) throws SQLException {
        return json == null ? Map.of() : read(json, new TypeReference<Map<String, String>>() {});
    }

    private static <T> T read(String json, TypeReference<T> type) throws SQLException {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("a pcl_alert_state JSON column cannot be read (" + e.getOriginalMessage() + ")", e);
        }
    }
}
