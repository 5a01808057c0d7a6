package io.portcullis.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * A PostgreSQL session of its own, outside any pool, for what lives as long as a session does: session-level advisory
 * locks (the service's leader election, {@code ha.LeaderElection}; the routers a run holds,
 * {@code guard.AdvisoryRouterLocks}). A pooled connection handed back with such a lock would pass it on to whoever
 * borrowed it next; this one is closed, and the server then frees what it held.
 */
public final class DedicatedSession {
    /** PostgreSQL keeps NAMEDATALEN - 1 bytes of {@code application_name}. */
    public static final int MAX_NAME = 63;

    private DedicatedSession() {}

    /**
     * Opens the session, named {@code applicationName} ({@link #name}) so that other sessions can tell whose locks
     * they see in {@code pg_locks}.
     *
     * @param socketTimeout how long a statement may wait for the server: on a half-open connection it must fail, not
     *                      hang its thread
     */
    public static Connection open(DbSettings db, String applicationName, Duration socketTimeout) throws SQLException {
        Properties p = new Properties();
        if (!db.username().isEmpty()) {
            p.setProperty("user", db.username());
        }
        if (!db.password().isEmpty()) {
            p.setProperty("password", db.password());
        }
        p.setProperty("ApplicationName", name(applicationName));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("connectTimeout", "5");
        p.setProperty("loginTimeout", "5");
        p.setProperty("socketTimeout", String.valueOf(Math.max(1, socketTimeout.toSeconds())));
        Connection c = DriverManager.getConnection(db.url(), p);
        try (Statement st = c.createStatement()) {
            // the server ends a session whose client vanished without a FIN (power loss, partition) after ~11 s, which
            // frees its locks for the others (the system default would hold them for two hours); a killed process
            // closes its socket and frees them at once
            st.execute("SET tcp_keepalives_idle = 5");
            st.execute("SET tcp_keepalives_interval = 2");
            st.execute("SET tcp_keepalives_count = 3");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /**
     * {@code text} as PostgreSQL keeps it in {@code application_name}: printable ASCII (it would turn anything else
     * into question marks itself), at most {@link #MAX_NAME} characters.
     */
    public static String name(String text) {
        StringBuilder ascii = new StringBuilder();
        text.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return ascii.length() <= MAX_NAME ? ascii.toString() : ascii.substring(0, MAX_NAME);
    }
}
