package io.portcullis.engine.apply;

import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.targets.Target;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Blast-radius control: canaries one by one, then waves of {@code batch} routers with
 * {@code parallel} in flight. Once failures exceed {@code maxFailures} (or any canary fails) no
 * further router is started; the ones never started are NOT_CONTACTED and were not touched.
 */
public final class Rollout {
    private final ApplyOptions opts;
    private final RunListener listener;
    /** Why no further router may start although no failure limit was hit (two-phase run broken), or null. */
    private final Supplier<String> stop;

    public Rollout(ApplyOptions opts, RunListener listener) {
        this(opts, listener, () -> null);
    }

    public Rollout(ApplyOptions opts, RunListener listener, Supplier<String> stop) {
        this.opts = opts;
        this.listener = listener;
        this.stop = stop;
    }

    private boolean stopped(AtomicBoolean halted, String[] why) {
        String s = stop.get();
        if (s != null && halted.compareAndSet(false, true)) {
            why[0] = s;
        }
        return halted.get();
    }

    public record Result(List<RouterOutcome> outcomes, String haltedBecause) {}

    public Result run(List<Target> targets, Function<Target, RouterOutcome> apply) {
        Map<String, RouterOutcome> done = Collections.synchronizedMap(new LinkedHashMap<>());
        AtomicInteger failures = new AtomicInteger();
        AtomicBoolean halted = new AtomicBoolean();
        String[] why = new String[1];
        listener.started(targets.size());
        int canaries = Math.min(opts.canary(), targets.size());
        for (int i = 0; i < canaries && !stopped(halted, why); i++) {
            RouterOutcome o = runOne(targets.get(i), apply);
            done.put(o.router(), o);
            if (o.haltsRollout()) {
                failures.incrementAndGet();
                halted.set(true);
                why[0] = "canary " + o.router() + " failed (" + o.reason() + ")";
            }
        }
        List<Target> rest = targets.subList(canaries, targets.size());
        int wave = opts.batch() == 0 ? Math.max(1, rest.size()) : opts.batch();
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool =
                Executors.newFixedThreadPool(Math.max(1, Math.min(opts.parallel(), Math.max(1, rest.size()))), r -> {
                    Thread th = new Thread(r, "portcullis-apply-" + n.incrementAndGet());
                    th.setDaemon(true);
                    return th;
                });
        try {
            for (int from = 0; from < rest.size() && !halted.get(); from += wave) {
                List<Future<?>> inFlight = new ArrayList<>();
                for (Target t : rest.subList(from, Math.min(rest.size(), from + wave))) {
                    inFlight.add(pool.submit(() -> {
                        if (stopped(halted, why)) {
                            return; // never contacted
                        }
                        RouterOutcome o = runOne(t, apply);
                        done.put(o.router(), o);
                        if (o.haltsRollout()
                                && failures.incrementAndGet() > opts.maxFailures()
                                && halted.compareAndSet(false, true)) {
                            why[0] = failures.get() + " failure(s), more than --max-failures " + opts.maxFailures();
                        }
                    }));
                }
                for (Future<?> f : inFlight) {
                    try {
                        f.get();
                    } catch (Exception e) {
                        // runOne never throws; an interrupted wait leaves the rest not contacted
                        halted.set(true);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (halted.get()) {
            listener.halted(why[0]);
        }
        List<RouterOutcome> ordered = new ArrayList<>();
        for (Target t : targets) {
            RouterOutcome o = done.get(t.name());
            ordered.add(o != null ? o : RouterOutcome.notContacted(t));
        }
        return new Result(ordered, halted.get() ? why[0] : null);
    }

    private RouterOutcome runOne(Target t, Function<Target, RouterOutcome> apply) {
        listener.routerStarted(t.name());
        RouterOutcome o;
        try {
            o = apply.apply(t);
        } catch (RuntimeException e) {
            o = new RouterOutcome(
                    t.name(),
                    t.device().platform(),
                    OutcomeState.UNKNOWN_RECONCILED,
                    "INTERNAL",
                    "internal error while applying to " + t.name() + ": " + e.getMessage()
                            + " — read it back before retrying",
                    List.of(),
                    List.of(),
                    0);
        }
        listener.routerFinished(o);
        return o;
    }
}
