package io.portcullis.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Logging for the plain (Quarkus-less) start, as application.properties sets it for the application: WARN and above,
 * on stderr (stdout is the command's output), MINA SSHD, Netty and Flyway's database-version warning at ERROR. Without this the JBoss log manager keeps
 * Quarkus' boot-time set-up: every level enabled and records queued for a runtime that never starts, which makes
 * yangtools and MINA build debug records nobody reads. Loggers are held here: JUL keeps them only weakly.
 */
final class PlainLogging {
    private static final List<Logger> CONFIGURED = new ArrayList<>();

    private PlainLogging() {}

    static synchronized void likeTheApplication() {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        for (Handler h : root.getHandlers()) {
            root.removeHandler(
                    h); // Quarkus' delayed handler would hold every record until an exit that never flushes it
        }
        Handler console = new ConsoleHandler(); // System.err
        console.setLevel(Level.ALL);
        console.setFormatter(new Line());
        root.addHandler(console);
        CONFIGURED.add(root);
        // Flyway warns on every open that the bundled H2 is newer than the one it was verified with (noise: the schema
        // tests run on that H2); application.properties silences the same logger under Quarkus
        for (String quiet :
                List.of("org.apache.sshd", "io.netty", "org.flywaydb.core.internal.database.base.Database")) {
            Logger l = Logger.getLogger(quiet);
            l.setLevel(Level.SEVERE);
            CONFIGURED.add(l);
        }
    }

    /** Quarkus' default console line: time, level, category, thread, message, then the exception if any. */
    private static final class Line extends Formatter {
        @Override
        public String format(LogRecord r) {
            String level = r.getLevel().intValue() >= Level.SEVERE.intValue()
                    ? "ERROR"
                    : r.getLevel().intValue() >= Level.WARNING.intValue()
                            ? "WARN"
                            : r.getLevel().getName();
            StringBuilder sb = new StringBuilder()
                    .append(String.format("%1$tF %1$tT,%1$tL", r.getMillis()))
                    .append(' ')
                    .append(String.format("%-5s", level))
                    .append(" [")
                    .append(r.getLoggerName())
                    .append("] (")
                    .append(Thread.currentThread().getName())
                    .append(") ")
                    .append(formatMessage(r))
                    .append(System.lineSeparator());
            if (r.getThrown() != null) {
                java.io.StringWriter w = new java.io.StringWriter();
                r.getThrown().printStackTrace(new java.io.PrintWriter(w));
                sb.append(w);
            }
            return sb.toString();
        }
    }
}
