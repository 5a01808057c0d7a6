package io.portcullis.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress of plan, drift and verify on stderr, only once the command has run for a second (a quick run prints
 * nothing): on a terminal one counter rewritten in place with {@code \r} and erased at the end; elsewhere (a CI log,
 * a file) one line every few seconds. Never stdout, so {@code --json} output stays a clean document.
 */
final class CommandProgress implements AutoCloseable {
    /** Quiet this long before the first report. */
    static final Duration QUIET = Duration.ofSeconds(1);
    /** Between lines when stderr is not a terminal (a terminal's counter is redrawn every 250 ms). */
    static final Duration EVERY = Duration.ofSeconds(5);

    private final String command;
    private final String unit;
    private final int total;
    private final PrintWriter err;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final ScheduledExecutorService timer;
    private boolean drawn;

    /**
     * @param command "plan", "drift", "verify"
     * @param unit    what is counted, e.g. "routers read"
     */
    CommandProgress(String command, String unit, int total, PrintWriter err, boolean terminal) {
        this.command = command;
        this.unit = unit;
        this.total = total;
        this.err = err;
        this.terminal = terminal;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portcullis-progress");
            t.setDaemon(true);
            return t;
        });
        long period = terminal ? 250 : EVERY.toMillis();
        timer.scheduleAtFixedRate(this::report, QUIET.toMillis(), period, TimeUnit.MILLISECONDS);
    }

    /** Whether progress goes to a person at a terminal (then rewritten in place) rather than into a log. */
    static boolean terminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    /** One more item finished (any thread). */
    void done() {
        done.incrementAndGet();
    }

    private synchronized void report() {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        String line = String.format(Locale.ROOT, "%s: %d/%d %s (%d s)", command, done.get(), total, unit, seconds);
        if (terminal) {
            err.print("\r\033[K" + line);
        } else {
            err.println(line);
        }
        err.flush();
        drawn = true;
    }

    /** Stops reporting; on a terminal erases the counter so the result starts on a clean line. */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (terminal && drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
