package io.portcullis.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.sql.DataSource;

/**
 * One test's real database on one {@link Backend}: a fresh H2 file or PostgreSQL schema, migrated, with its pool
 * ({@link StoreOpener#database}); {@link #close} closes what the test handed to {@link #closing} (newest first), then
 * the pool, then drops the schema. The per-back-end set-up the store, counter and router-state tests share:
 *
 * <pre>
 * private TestDatabase db;
 * &#64;AfterEach void close() { if (db != null) db.close(); }
 * &#64;ParameterizedTest &#64;EnumSource(Backend.class) void x(Backend b) { db = TestDatabase.open(b, tmp); … }
 * </pre>
 */
public final class TestDatabase implements AutoCloseable {
    private final Backend backend;
    private final DbSettings settings;
    private final StoreOpener.Database database;
    private final Deque<AutoCloseable> closing = new ArrayDeque<>();

    private TestDatabase(Backend backend, DbSettings settings, StoreOpener.Database database) {
        this.backend = backend;
        this.settings = settings;
        this.database = database;
    }

    /** A database nobody used yet (PostgreSQL: skipped with the reason when the lab cluster is not running). */
    public static TestDatabase open(Backend b, Path tmp) {
        DbSettings s = b.fresh(tmp);
        try {
            return new TestDatabase(b, s, StoreOpener.database(s));
        } catch (RuntimeException e) {
            b.drop(s);
            throw e;
        }
    }

    public Backend backend() {
        return backend;
    }

    public DbSettings settings() {
        return settings;
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    /** Closed (newest first) before the pool when the test ends: stores, writers, replicas the test opened. */
    public <T extends AutoCloseable> T closing(T c) {
        closing.push(c);
        return c;
    }

    /** The first column of every row of {@code sql}, as text; an {@link Instant} parameter is bound as a UTC time. */
    public List<String> rows(String sql, Object... params) {
        try (Connection c = dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                ps.setObject(i + 1, p instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : p);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed on " + settings.safeUrl() + ": " + e.getMessage(), e);
        }
    }

    /** A {@code SELECT COUNT(*) …}'s answer. */
    public long count(String sql, Object... params) {
        return Long.parseLong(rows(sql, params).get(0));
    }

    @Override
    public void close() {
        RuntimeException first = null;
        while (!closing.isEmpty()) {
            try {
                closing.pop().close();
            } catch (Exception e) {
                first = first != null ? first : new IllegalStateException("closing a test resource failed", e);
            }
        }
        try {
            if (database.owner() != null) {
                database.owner().close();
            }
        } catch (Exception e) {
            first = first != null ? first : new IllegalStateException("closing the test pool failed", e);
        } finally {
            backend.drop(settings);
        }
        if (first != null) {
            throw first;
        }
    }
}
