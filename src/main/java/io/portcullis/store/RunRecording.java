package io.portcullis.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Records one CLI run without ever getting in its way: writes go, in order, to one background thread, so a
 * router that finishes never waits for the database; the first failure (database unreachable, schema too new,
 * …) is kept as one sentence and every later write of the run is skipped. {@link #finish} waits for the queue
 * (bounded) and returns that sentence, for the one line the command prints; the run's exit code never changes.
 */
public final class RunRecording implements AutoCloseable {
    private static final Duration FLUSH_WAIT = Duration.ofSeconds(30);

    /** Rows per transaction at most: bounds a transaction of routers with large pre-images. */
    private static final int MAX_BATCH = 200;

    /** How long a router's record may wait for others to share its transaction; the run never waits for it. */
    private static final Duration LINGER = Duration.ofMillis(200);

    private final String runId;
    private final ExecutorService writer;
    private final Queue<RouterRecord> pendingRouters = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean routerWriteQueued = new AtomicBoolean();
    private final Object lingering = new Object();
    private volatile boolean finishing;
    private volatile RunStore store;
    private volatile String failure;

    private RunRecording(String runId, String failure) {
        this.runId = runId;
        this.failure = failure;
        this.writer = failure == null
                ? Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "portcullis-recorder");
                    t.setDaemon(true);
                    return t;
                })
                : null;
    }

    /** Opens the store and records the start in the background; a disabled store records nothing and says nothing. */
    public static RunRecording start(DbSettings settings, RunStart run) {
        return start(settings.enabled() ? () -> StoreOpener.open(settings) : null, run);
    }

    /** @param opener null: recording is switched off */
    public static RunRecording start(Supplier<RunStore> opener, RunStart run) {
        if (opener == null) {
            return new RunRecording(run.id(), "");
        }
        RunRecording r = new RunRecording(run.id(), null);
        r.submit(() -> {
            r.store = opener.get();
            r.store.beginRun(run);
        });
        return r;
    }

    public static RunRecording off(String runId) {
        return new RunRecording(runId, "");
    }

    public String runId() {
        return runId;
    }

    /** Recording is switched off for this run ({@code portcullis.db.enabled=false}): nothing is written, nothing is said. */
    public boolean off() {
        return writer == null && "".equals(failure);
    }

    /**
     * Queues one router's record. Records that arrive while the writer is busy are written together, in one
     * transaction, by the next write: under a parallel apply the writer keeps up with a thousand routers by committing
     * a few dozen batches instead of a thousand rows one by one.
     */
    public void router(RouterRecord router) {
        if (writer == null || failure != null) {
            return;
        }
        pendingRouters.add(router);
        if (routerWriteQueued.compareAndSet(false, true)) {
            submit(this::writePendingRouters);
        }
    }

    /**
     * Waits a moment (at most {@link #LINGER}, cut short by {@link #finish}) so that routers finishing together are
     * written together: without it a writer that keeps up commits every router on its own.
     */
    private void lingerForMoreRouters() {
        synchronized (lingering) {
            long deadline = System.nanoTime() + LINGER.toNanos();
            long left;
            while (!finishing && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(lingering, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Runs on the writer thread, in order with the other writes: a record queued before {@link #finish} is either
     * taken by a write already running or has a write queued ahead of the finish (the flag is cleared before the queue
     * is drained, so a record added meanwhile queues a write of its own).
     */
    private void writePendingRouters() {
        lingerForMoreRouters();
        routerWriteQueued.set(false);
        while (!pendingRouters.isEmpty()) {
            List<RouterRecord> batch = new ArrayList<>();
            RouterRecord r;
            while (batch.size() < MAX_BATCH && (r = pendingRouters.poll()) != null) {
                batch.add(r);
            }
            store.recordRouters(runId, batch);
        }
    }

    /** Keeps the snapshot of the policy this run applies (before any router of the run is recorded). */
    public void policy(PolicySnapshot snapshot) {
        submit(() -> store.recordPolicy(snapshot));
    }

    /** Waits for every write (at most 30 s) and says why the run could not be recorded, if it could not. */
    public Optional<String> finish(int exitCode, String haltedBecause) {
        submit(() -> store.finishRun(runId, Instant.now(), exitCode, haltedBecause));
        close();
        return failure == null || failure.isEmpty() ? Optional.empty() : Optional.of(failure);
    }

    private void submit(Runnable write) {
        if (writer == null || failure != null) {
            return;
        }
        try {
            writer.execute(() -> {
                if (failure != null) {
                    return;
                }
                try {
                    write.run();
                } catch (StoreException e) {
                    failure = e.getMessage();
                } catch (RuntimeException e) {
                    failure = e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + Sanitizer.text(e.getMessage(), 300));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // finished already: a late report of a router is not part of this run's record
        }
    }

    @Override
    public void close() {
        if (writer == null || writer.isShutdown()) {
            return;
        }
        synchronized (lingering) {
            finishing = true; // a write lingering for more routers goes now: no more are coming
            lingering.notifyAll();
        }
        writer.shutdown();
        try {
            if (!writer.awaitTermination(FLUSH_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                failure = failure != null
                        ? failure
                        : "the database did not answer within " + FLUSH_WAIT.toSeconds() + " s";
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (store != null) {
            store.close();
        }
    }
}
