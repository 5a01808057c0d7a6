package io.portcullis.engine.apply;

import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.router.Digests;
import io.portcullis.engine.router.Observed;
import io.portcullis.engine.targets.Target;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code --on-failure revert}: phase 1 takes every router of the run to "confirmed commit done, read
 * back and proven" and holds it there (extending its confirm window); phase 2 confirms them all only
 * when every router got there and the rollout did not halt, and otherwise cancels every held router
 * and verifies by read-back that it holds its pre-image again.
 */
public final class TwoPhaseRun implements AutoCloseable {

    private final String runId;
    private final Journal.RunJournal journal;
    private final ApplyOptions opts;
    private final RunListener listener;
    private final List<PendingConfirm> held = new ArrayList<>();
    private final ScheduledExecutorService keeper;
    private volatile String broken;

    private TwoPhaseRun(String runId, Journal.RunJournal journal, ApplyOptions opts, RunListener listener) {
        this.runId = runId;
        this.journal = journal;
        this.opts = opts;
        this.listener = listener;
        this.keeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "portcullis-confirm-window");
            th.setDaemon(true);
            return th;
        });
        keeper.scheduleWithFixedDelay(this::extendDue, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** Opens the run's journal first: without it no persistent commit may be sent, so the run is refused. */
    public static TwoPhaseRun open(String runId, ApplyOptions opts, RunListener listener) {
        Journal.RunJournal j;
        try {
            j = new Journal(opts.journal()).open(runId);
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalArgumentException(
                    "the journal directory " + opts.journal() + " cannot be written ("
                            + e.getClass().getSimpleName()
                            + "); --on-failure revert records each persist token there before committing, so nothing was applied; fix it or pass --journal DIR");
        }
        return new TwoPhaseRun(runId, j, opts, listener);
    }

    String runId() {
        return runId;
    }

    Journal.RunJournal journal() {
        return journal;
    }

    /** A fresh persist token for {@code t}, returned only once its PENDING line is on disk (write-ahead). */
    String journalPending(Target t, Observed before, int timeoutSeconds) throws IOException {
        String token = PersistToken.fresh();
        journal.append(JournalRecord.pending(
                runId,
                t.name(),
                token,
                java.time.Instant.now().plusSeconds(timeoutSeconds),
                before.digest(),
                Digests.intent(t.intent(), t.promise())));
        return token;
    }

    void hold(PendingConfirm p) {
        synchronized (held) {
            held.add(p);
        }
    }

    /** Why the run can no longer be confirmed (a held router lost its window), or null; stops new routers. */
    public String broken() {
        return broken;
    }

    /** Closes the journal entry of a router whose verified final state is known (best effort: else recover sees it). */
    void closeEntry(String router, OutcomeState state, boolean cancelSent) {
        String type = JournalRecord.outcomeType(state, cancelSent);
        if (type == null) {
            return;
        }
        try {
            journal.append(JournalRecord.outcome(type, runId, router, state, null, "apply"));
        } catch (IOException e) {
            // the PENDING line stays open; recover will read the router back and close it
        }
    }

    private void extendDue() {
        List<PendingConfirm> now;
        synchronized (held) {
            now = List.copyOf(held);
        }
        for (PendingConfirm p : now) {
            String why;
            try {
                why = p.extendIfDue();
            } catch (RuntimeException e) {
                // a scheduled task that throws is never run again: report it as a lost window instead
                why = "the confirm window of " + p.router() + " could not be extended (" + e + ")";
            }
            if (why != null && broken == null) {
                broken = why;
            }
        }
    }

    /** Phase 2: replaces each held router's provisional outcome by its confirmed or cancelled final state. */
    public List<RouterOutcome> finish(List<RouterOutcome> phase1, String haltedBecause) {
        // shutdown, not shutdownNow: interrupting an extension in flight would fail it and cancel a good run
        keeper.shutdown();
        try {
            keeper.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String failure = null;
        for (RouterOutcome o : phase1) {
            if (failure == null && o.state().failure()) {
                failure = o.router() + " ended " + o.state() + " (" + o.reason() + ")";
            }
        }
        if (failure == null) {
            failure = broken != null
                    ? broken
                    : haltedBecause != null ? "the rollout halted (" + haltedBecause + ")" : null;
        }
        if (failure == null && phase1.stream().anyMatch(o -> !o.state().success())) {
            failure = "not every router of the run was reached";
        }
        List<PendingConfirm> ps;
        synchronized (held) {
            ps = List.copyOf(held);
        }
        Map<String, RouterOutcome> finals = new HashMap<>();
        if (!ps.isEmpty()) {
            String why = failure == null ? null : "cancelled because " + failure + " (--on-failure revert)";
            listener.decided(
                    why == null
                            ? "every router is proven: confirming " + ps.size()
                            : "cancelling " + ps.size() + " router(s) waiting to confirm: " + failure);
            Function<PendingConfirm, RouterOutcome> step = why == null ? PendingConfirm::confirm : p -> p.cancel(why);
            for (RouterOutcome o : inParallel(ps, step)) {
                finals.put(o.router(), o);
            }
        }
        List<RouterOutcome> out = new ArrayList<>();
        for (RouterOutcome o : phase1) {
            out.add(finals.getOrDefault(o.router(), o));
        }
        return out;
    }

    private List<RouterOutcome> inParallel(List<PendingConfirm> ps, Function<PendingConfirm, RouterOutcome> step) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(opts.parallel(), ps.size())), r -> {
            Thread th = new Thread(r, "portcullis-phase-2");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<RouterOutcome>> fs = new ArrayList<>();
            for (PendingConfirm p : ps) {
                fs.add(pool.submit(() -> step.apply(p)));
            }
            List<RouterOutcome> out = new ArrayList<>();
            for (Future<RouterOutcome> f : fs) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error err) {
                        throw err; // a crash stays a crash (the journal holds what recover needs)
                    }
                    throw new IllegalStateException(
                            "internal error in phase 2: " + e.getCause().getMessage(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted in phase 2", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        keeper.shutdownNow();
        journal.finish();
    }
}
