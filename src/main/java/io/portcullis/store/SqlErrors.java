package io.portcullis.store;

import java.sql.SQLException;

/** Turns a driver's exception into a short clause for a one-sentence message (never a stack trace, never credentials). */
final class SqlErrors {
    private SqlErrors() {
    }

    static String describe(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08") || causedBy(e, java.net.ConnectException.class)) {
            return "the database is unreachable (" + firstLine(e) + ")";
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return "the login was refused; check portcullis.db.username and the password";
        }
        return firstLine(e) + (state.isEmpty() ? "" : " [SQLState " + state + "]");
    }

    static boolean unreachable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
            if (c instanceof java.net.ConnectException) {
                return true;
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
        return Sanitizer.text(nl < 0 ? m : m.substring(0, nl), 300);
    }
}
