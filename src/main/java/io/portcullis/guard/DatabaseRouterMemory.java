package io.portcullis.guard;

import io.portcullis.engine.memory.Quarantine;
import io.portcullis.engine.memory.Quirk;
import io.portcullis.engine.memory.RouterMemory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/** {@link RouterMemory} in the run-history database ({@code pcl_router_quirk}, {@code pcl_quarantine}). */
public final class DatabaseRouterMemory implements RouterMemory {
    private final DataSource ds;
    private final String where;

    public DatabaseRouterMemory(DataSource ds, String where) {
        this.ds = ds;
        this.where = where;
    }

    @Override
    public Set<Quirk> quirks(String router) {
        Set<Quirk> out = EnumSet.noneOf(Quirk.class);
        query(
                "read the quirks of " + router,
                "SELECT quirk FROM pcl_router_quirk WHERE router = ?",
                ps -> ps.setString(1, router),
                rs -> {
                    try {
                        out.add(Quirk.valueOf(rs.getString(1)));
                    } catch (IllegalArgumentException newerVersion) {
                        // a quirk a newer Portcullis knows: nothing this version can work around
                    }
                });
        return out;
    }

    @Override
    public Map<String, Set<Quirk>> allQuirks() {
        Map<String, Set<Quirk>> out = new java.util.LinkedHashMap<>();
        query("read the routers' quirks", "SELECT router, quirk FROM pcl_router_quirk", ps -> {}, rs -> {
            try {
                out.computeIfAbsent(rs.getString(1), r -> EnumSet.noneOf(Quirk.class))
                        .add(Quirk.valueOf(rs.getString(2)));
            } catch (IllegalArgumentException newerVersion) {
                // a quirk a newer Portcullis knows: nothing this version can work around
            }
        });
        return out;
    }

    @Override
    public void remember(String router, Quirk quirk, String runId) {
        run("remember " + quirk + " of " + router, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM pcl_router_quirk WHERE router = ? AND quirk = ?")) {
                ps.setString(1, router);
                ps.setString(2, quirk.name());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO pcl_router_quirk (router, quirk, found_at, found_by_run) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, router);
                ps.setString(2, quirk.name());
                ps.setObject(3, time(Instant.now()));
                ps.setString(4, runId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Quarantine> quarantined() {
        List<Quarantine> out = new ArrayList<>();
        query(
                "read the quarantined routers",
                "SELECT router, address, state, reason, run_id, actor, since FROM pcl_quarantine ORDER BY since, router",
                ps -> {},
                rs -> out.add(new Quarantine(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant())));
        return out;
    }

    @Override
    public void quarantine(Quarantine q) {
        run("quarantine " + q.router(), c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pcl_quarantine WHERE router = ?")) {
                ps.setString(1, q.router());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO pcl_quarantine (router, address, state, reason, run_id, actor, since) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, q.router());
                ps.setString(2, q.address());
                ps.setString(3, q.state());
                ps.setString(4, cut(q.reason(), 2000));
                ps.setString(5, q.runId());
                ps.setString(6, cut(q.actor(), 400));
                ps.setObject(7, time(q.since()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean release(String router) {
        return run("release " + router, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pcl_quarantine WHERE router = ?")) {
                ps.setString(1, router);
                return ps.executeUpdate() > 0;
            }
        });
    }

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    interface Work<T> {
        T in(Connection c) throws SQLException;
    }

    private void query(String what, String sql, Binder binder, Row row) {
        run(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs);
                    }
                }
            }
            return null;
        });
    }

    /** One transaction; a failure is one sentence naming the database (never its credentials). */
    private <T> T run(String what, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.in(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new MemoryException(
                    "could not " + what + " in the database " + where + " (" + e.getMessage() + ")", e);
        }
    }

    static OffsetDateTime time(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
