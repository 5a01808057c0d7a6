package io.portcullis.guard;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an action once, {@code delay} after the first of any number of requests, so that what was released meanwhile
 * goes in one batch (the releases of 1,000 routers as a handful of statements). The flag is cleared before the action
 * runs, so a request made while it runs schedules the next one. Once the executor is shut down, a request runs the
 * action at once on the caller's thread.
 */
final class SoonOnce {
    private final ScheduledExecutorService executor;
    private final Duration delay;
    private final Runnable action;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    SoonOnce(ScheduledExecutorService executor, Duration delay, Runnable action) {
        this.executor = executor;
        this.delay = delay;
        this.action = action;
    }

    void request() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.schedule(this::runNow, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                runNow();
            }
        }
    }

    /** Runs the action now (what a scheduled request does). */
    void runNow() {
        scheduled.set(false);
        action.run();
    }
}
