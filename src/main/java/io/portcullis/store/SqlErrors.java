package io.portcullis.store;

import java.sql.SQLException;

/** Turns a driver's exception into a short clause for a one-sentence message (never a stack trace, never credentials). */
final class SqlErrors {
    private SqlErrors() {}

    static String describe(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (unreachable(e)) {
            return "the database is unreachable (" + firstLine(e) + ")";
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return "the login was refused; check portcullis.db.username and the password";
        }
        return firstLine(e) + (state.isEmpty() ? "" : " [SQLState " + state + "]");
    }

    /**
     * The connection failed or broke: SQLState class 08 (PostgreSQL), H2's own codes for a broken or failed TCP
     * connection (90067 "connection is broken", 90028 I/O error), the JDBC connection exception types, or an
     * I/O error underneath (a reset, an EOF, a refused connect).
     */
    static boolean unreachable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s
                    && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08")
                            || s.getSQLState().equals("90067")
                            || s.getSQLState().equals("90028"))) {
                return true;
            }
            if (c instanceof java.sql.SQLNonTransientConnectionException
                    || c instanceof java.sql.SQLTransientConnectionException
                    || c instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Worth trying again later: the database was unreachable, or refused for a passing reason (serialization
     * failure or deadlock, SQLState class 40; H2's lock timeout 50200). Anything else would fail the same way again.
     */
    static boolean retryable(Throwable t) {
        if (unreachable(t)) {
            return true;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s
                    && s.getSQLState() != null
                    && (s.getSQLState().startsWith("40") || s.getSQLState().equals("50200"))) {
                return true;
            }
            if (c instanceof java.sql.SQLTransientException) {
                return true;
            }
        }
        return false;
    }

    /** A unique key already holds this row (SQLState 23505 on PostgreSQL and H2). */
    static boolean duplicateKey(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            // a failed batch (BatchUpdateException) names the statement's own error in its chain of next exceptions
            for (SQLException s = c instanceof SQLException e ? e : null; s != null; s = s.getNextException()) {
                if ("23505".equals(s.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        // drivers quote the Java exception under theirs ('Connection is broken: "java.io.EOFException: host:port"'):
        // the class name means nothing to an operator, the address does
        return Sanitizer.text(
                JAVA_EXCEPTION.matcher(nl < 0 ? m : m.substring(0, nl)).replaceAll(""), 300);
    }

    private static final java.util.regex.Pattern JAVA_EXCEPTION =
            java.util.regex.Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error):? ?");
}
