package io.portcullis.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every row of every Portcullis table ({@code pcl_*}, whatever migration added it) as one text, so a test can assert
 * that no secret landed anywhere in the database, including in tables added after the test was written.
 */
public final class DatabaseText {
    private DatabaseText() {}

    /** The tables Portcullis owns in the database {@code s} points at (the Flyway history table excluded). */
    public static List<String> tables(DbSettings s) throws SQLException {
        try (Connection c = DriverManager.getConnection(s.url(), s.username(), s.password())) {
            return tables(c);
        }
    }

    /** Table name, column names and every value of every {@code pcl_*} table, one line per row. */
    public static String dump(DbSettings s) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(s.url(), s.username(), s.password())) {
            for (String table : tables(c)) {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        out.append(table);
                        for (int i = 1; i <= columns; i++) {
                            Object v = rs.getObject(i);
                            out.append(' ')
                                    .append(rs.getMetaData().getColumnName(i))
                                    .append('=')
                                    .append(
                                            v instanceof byte[] bytes
                                                    ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                                                    : v);
                        }
                        out.append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        DatabaseMetaData md = c.getMetaData();
        // the connection's own schema: PostgreSQL tests run in a schema of their own (currentSchema=...)
        try (ResultSet rs = md.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (name.toLowerCase(Locale.ROOT).startsWith("pcl_")) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
