package io.portcullis.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A real database for one test: an embedded H2 file in a temp dir, or a fresh schema in the lab PostgreSQL
 * ({@code scripts/postgres-lab.sh start}; its {@code .run/postgres/jdbc.properties}, or the file named by the
 * system property {@code portcullis.postgres.lab}). PostgreSQL cases are skipped, with the reason, when the lab
 * cluster is not running (CI starts it) and in the fast loop ({@code -Pfast}, system property {@code portcullis.fast}).
 */
public enum Backend {
    H2,
    POSTGRESQL;

    /** Settings of a database nobody used yet; drop it with {@link #drop(DbSettings)}. */
    public DbSettings fresh(Path tempDir) {
        return switch (this) {
            case H2 ->
                new DbSettings(
                        true,
                        DbSettings.h2File(
                                tempDir.resolve("state-" + UUID.randomUUID()).resolve("portcullis")),
                        "",
                        "",
                        null);
            case POSTGRESQL -> {
                Properties lab = postgresLab();
                String schema =
                        "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
                DbSettings admin = settings(lab, lab.getProperty("url"));
                exec(admin, "CREATE SCHEMA " + schema);
                yield settings(lab, lab.getProperty("url") + "?currentSchema=" + schema);
            }
        };
    }

    public void drop(DbSettings s) {
        if (this == POSTGRESQL && s.url().contains("currentSchema=")) {
            String schema = s.url().substring(s.url().indexOf("currentSchema=") + 14);
            exec(s, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** Runs one statement with a plain JDBC connection (test set-up, not the code under test). */
    public static void exec(DbSettings s, String sql) {
        try (Connection c = DriverManager.getConnection(s.url(), s.username(), s.password());
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test set-up failed on " + s.safeUrl() + ": " + e.getMessage(), e);
        }
    }

    /** The single number a query such as {@code SELECT count(*) ...} answers (plain JDBC, as {@link #exec}). */
    public static long count(DbSettings s, String sql) {
        try (Connection c = DriverManager.getConnection(s.url(), s.username(), s.password());
                Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed on " + s.safeUrl() + ": " + e.getMessage(), e);
        }
    }

    public static Properties postgresLab() {
        // a lab server like netconfd: the inner loop (-Pfast sets portcullis.fast) runs the H2 case of each test only
        Assumptions.assumeFalse(
                Boolean.getBoolean("portcullis.fast"),
                "PostgreSQL cases are left out of mvn test -Pfast; mvn -B test runs them (scripts/postgres-lab.sh start)");
        Path file = Path.of(System.getProperty("portcullis.postgres.lab", ".run/postgres/jdbc.properties"));
        Assumptions.assumeTrue(
                Files.isRegularFile(file),
                "PostgreSQL lab not set up (" + file
                        + " missing): run scripts/postgres-lab.sh start to include the PostgreSQL cases");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
            p.setProperty(
                    "password",
                    Files.readString(Path.of(p.getProperty("password-file"))).strip());
        } catch (IOException e) {
            Assumptions.abort(
                    "PostgreSQL lab settings unreadable (" + e.getMessage() + "): run scripts/postgres-lab.sh start");
        }
        try (Connection c = DriverManager.getConnection(
                p.getProperty("url"), p.getProperty("username"), p.getProperty("password"))) {
            c.isValid(2);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL lab is not running ("
                    + e.getMessage().lines().findFirst().orElse("")
                    + "): run scripts/postgres-lab.sh start to include the PostgreSQL cases");
        }
        return p;
    }

    private static DbSettings settings(Properties lab, String url) {
        return new DbSettings(true, url, lab.getProperty("username"), lab.getProperty("password"), null);
    }
}
