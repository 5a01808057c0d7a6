package io.portcullis.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Records one CLI run without ever getting in its way: writes go, in order, to one background thread, so a
 * router that finishes never waits for the database; the first failure (database unreachable, schema too new,
 * …) is kept as one sentence and every later write of the run is skipped. {@link #finish} waits for the queue
 * (bounded) and returns that sentence, for the one line the command prints; the run's exit code never changes.
 */
public final class RunRecording implements AutoCloseable {
    private static final Duration FLUSH_WAIT = Duration.ofSeconds(30);

    private final String runId;
    private final ExecutorService writer;
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

    public void router(RouterRecord router) {
        submit(() -> store.recordRouter(runId, router));
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
