package io.portcullis.cli;

import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Apply progress, on stderr (stdout carries the summary, or the document with {@code --json}): on a terminal one line
 * rewritten in place; otherwise (CI logs) one plain line per finished router, so logs stay readable.
 */
final class ApplyProgress implements RunListener {
    private final PrintWriter out;
    private final boolean terminal;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger ok = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile int total;

    ApplyProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void started(int routers) {
        total = routers;
    }

    @Override
    public synchronized void routerFinished(RouterOutcome o) {
        int n = done.incrementAndGet();
        (o.state().success() ? ok : failed).incrementAndGet();
        // under --on-failure revert a proven router is not final until the whole run is decided
        String state = RouterOutcome.AWAITING_CONFIRM.equals(o.reason())
                ? "PROVEN (awaiting confirm)"
                : o.state().name();
        if (terminal) {
            out.print("\r\033[K[" + n + "/" + total + "] ok " + ok.get() + ", failed " + failed.get() + " — "
                    + o.router() + " " + state);
            if (o.state().failure()) {
                out.println();
                out.println("  " + o.router() + ": " + o.state() + " " + o.reason() + ": " + o.message());
            }
        } else {
            out.println("[" + n + "/" + total + "] " + o.router() + " (" + o.platform() + "): " + state
                    + (o.state() == OutcomeState.APPLIED || o.state() == OutcomeState.NO_CHANGE
                            ? ""
                            : " " + o.reason() + ": " + o.message()));
        }
        out.flush();
    }

    @Override
    public synchronized void halted(String why) {
        if (terminal) {
            out.println();
        }
        out.println("rollout halted: " + why + "; routers not yet contacted were left untouched");
        out.flush();
    }

    @Override
    public synchronized void decided(String what) {
        if (terminal) {
            out.println();
        }
        out.println("on-failure revert: " + what);
        out.flush();
    }

    /** Whether stderr goes to a person at a terminal (then rewritten in place). */
    static boolean terminal() {
        return CommandProgress.terminal();
    }

    synchronized void finish() {
        if (terminal) {
            out.println();
            out.flush();
        }
    }
}
