package io.portcullis.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * {@link CounterSamples} over JDBC, the same SQL on PostgreSQL and H2. A round is one batch in one transaction; when it
 * meets a row that is already there (a write retried after its commit was lost on the way back), the round is written
 * again row by row, keeping the rows already stored. Errors become a {@link StoreException} whose message is masked by
 * {@link SqlErrors} (no credentials, first line only).
 */
public final class JdbcCounterSamples implements CounterSamples {
    private static final String INSERT = """
            INSERT INTO pcl_counter_sample (router, family, term, drops, interval_start, interval_end, packets, bytes, sampled_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String COLUMNS =
            "router, family, term, drops, interval_start, interval_end, packets, bytes, sampled_by";

    private final Supplier<DataSource> database;

    /** @param database the migrated datasource; may throw {@link StoreException} while the database cannot be opened */
    public JdbcCounterSamples(Supplier<DataSource> database) {
        this.database = database;
    }

    @Override
    public void write(List<CounterDelta> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = database.get().getConnection()) {
            boolean auto = c.getAutoCommit();
            try {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    for (CounterDelta d : rows) {
                        bind(ps, d);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            } catch (SQLException e) {
                rollback(c);
                if (!SqlErrors.duplicateKey(e)) {
                    throw e;
                }
                c.setAutoCommit(true);
                oneByOne(c, rows);
            } finally {
                restore(c, auto);
            }
        } catch (SQLException e) {
            throw failed("counter samples not written: ", e);
        }
    }

    private static void oneByOne(Connection c, List<CounterDelta> rows) throws SQLException {
        for (CounterDelta d : rows) {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                bind(ps, d);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (!SqlErrors.duplicateKey(e)) {
                    throw e;
                }
            }
        }
    }

    @Override
    public List<CounterDelta> recent(String router, int intervals) {
        try (Connection c = database.get().getConnection()) {
            Instant oldest = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT DISTINCT interval_end FROM pcl_counter_sample WHERE router = ? ORDER BY interval_end DESC LIMIT ?")) {
                ps.setString(1, router);
                ps.setInt(2, Math.max(1, intervals));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        oldest = instant(rs, 1);
                    }
                }
            }
            if (oldest == null) {
                return List.of();
            }
            List<CounterDelta> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS
                            + " FROM pcl_counter_sample WHERE router = ? AND interval_end >= ? ORDER BY interval_end, family, term")) {
                ps.setString(1, router);
                ps.setObject(2, time(oldest));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long b = rs.getLong(8);
                        Long bytes = rs.wasNull() ? null : b;
                        out.add(new CounterDelta(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getBoolean(4),
                                instant(rs, 5),
                                instant(rs, 6),
                                rs.getLong(7),
                                bytes,
                                rs.getString(9)));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed("counter history of " + router + " not readable: ", e);
        }
    }

    @Override
    public List<RouterDrops> fleet(Instant since) {
        try (Connection c = database.get().getConnection();
                PreparedStatement ps = c.prepareStatement("""
                SELECT router, SUM(CASE WHEN drops THEN packets ELSE 0 END), MAX(interval_end)
                FROM pcl_counter_sample WHERE interval_end > ? GROUP BY router ORDER BY router""")) {
            ps.setObject(1, time(since));
            List<RouterDrops> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RouterDrops(rs.getString(1), rs.getLong(2), instant(rs, 3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed("the fleet's counter history is not readable: ", e);
        }
    }

    @Override
    public int prune(Instant cutoff) {
        try (Connection c = database.get().getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM pcl_counter_sample WHERE interval_end < ?")) {
            ps.setObject(1, time(cutoff));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failed("old counter samples not pruned: ", e);
        }
    }

    /**
     * The exception to throw; when the database was unreachable, the pool's idle connections are closed too (they
     * broke with it, and a pool without validation would hand them out again after the database is back).
     */
    private StoreException failed(String what, SQLException e) {
        StalePool.evictAfter(database, e);
        return new StoreException(what + SqlErrors.describe(e), e);
    }

    private static void bind(PreparedStatement ps, CounterDelta d) throws SQLException {
        ps.setString(1, d.router());
        ps.setString(2, d.family());
        ps.setString(3, d.term());
        ps.setBoolean(4, d.drops());
        ps.setObject(5, time(d.from()));
        ps.setObject(6, time(d.to()));
        ps.setLong(7, d.packets());
        if (d.bytes() == null) {
            ps.setNull(8, Types.BIGINT);
        } else {
            ps.setLong(8, d.bytes());
        }
        ps.setString(9, d.sampledBy());
    }

    private static void restore(Connection c, boolean auto) {
        try {
            c.setAutoCommit(auto);
        } catch (SQLException ignored) {
            // a broken connection is discarded by the pool
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone: nothing was committed either way
        }
    }

    private static OffsetDateTime time(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
