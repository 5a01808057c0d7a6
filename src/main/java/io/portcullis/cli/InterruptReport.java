package io.portcullis.cli;

import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an interrupted apply (Ctrl-C, SIGTERM) leaves behind, printed by a shutdown hook so the operator is never left
 * with exit 130 and nothing else: which routers finished and how, which were in flight (their confirmed commit, if it
 * was sent, reverts by itself when its window ends), and how to finish the run. The JVM's own exit status on SIGINT
 * stays 130.
 */
final class InterruptReport implements RunListener {
    private final PrintWriter out;
    private final ApplyOptions opts;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, RouterOutcome> finished = new ConcurrentHashMap<>();
    private volatile int total;
    private volatile boolean done;
    private Thread hook;

    InterruptReport(PrintWriter out, ApplyOptions opts) {
        this.out = out;
        this.opts = opts;
    }

    /** Arms the hook for the duration of the rollout. */
    InterruptReport arm() {
        hook = new Thread(this::print, "portcullis-interrupt-report");
        Runtime.getRuntime().addShutdownHook(hook);
        return this;
    }

    /** The rollout ended normally: nothing to report on exit. */
    void disarm() {
        done = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting; print() sees done and stays quiet
        }
    }

    @Override
    public void started(int routers) {
        total = routers;
    }

    @Override
    public void routerStarted(String router) {
        inFlight.add(router);
    }

    @Override
    public void routerFinished(RouterOutcome o) {
        inFlight.remove(o.router());
        finished.put(o.router(), o);
    }

    void print() {
        if (done) {
            return;
        }
        Map<String, Integer> states = new TreeMap<>();
        finished.values().forEach(o -> states.merge(o.state().name(), 1, Integer::sum));
        List<String> flying = new ArrayList<>(new java.util.TreeSet<>(inFlight));
        int untouched = Math.max(0, total - finished.size() - flying.size());
        out.println();
        out.println("portcullis apply: interrupted. Finished: "
                + (finished.isEmpty() ? "none" : states.toString().replaceAll("[{}]", "")) + "; in flight: "
                + (flying.isEmpty() ? "none" : String.join(", ", flying)) + "; not contacted: " + untouched + ".");
        if (!flying.isEmpty()) {
            out.println("  A router in flight holds at most an unconfirmed commit, which it reverts by itself within "
                    + opts.confirmTimeoutSeconds() + " s; read it back with 'portcullis plan' after that.");
        }
        if (opts.onFailure() == ApplyOptions.FailurePolicy.REVERT) {
            out.println("  Run 'portcullis recover' (journal " + opts.journal()
                    + ") to cancel or confirm what this run left pending.");
        } else {
            out.println("  Run 'portcullis plan' to see what each router holds now, then apply again.");
        }
        out.flush();
    }
}
