package io.portcullis.guard;

import io.portcullis.engine.memory.RouterLocks.Holder;
import io.portcullis.engine.memory.RouterLocks.RouterBusy;
import io.portcullis.engine.memory.RouterMemory.MemoryException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * How a run waits for a router, the same for every kind of shared lock: for the batch that answers its try (rows,
 * advisory locks), and for a router another process holds (poll, then refuse).
 */
final class LockWait {
    /** How often a waiting run looks again. */
    static final Duration POLL = Duration.ofMillis(250);

    private LockWait() {}

    /**
     * The answer a batch gave a try for {@code key}: null (taken) or who holds it. The batch's failure comes out as the
     * one sentence it is ({@code join} wraps it), so that the caller takes it for the database gone away and goes on
     * with this JVM's lock.
     *
     * @throws MemoryException the database {@code where} cannot be used
     */
    static Holder answer(CompletableFuture<Holder> answer, String key, String where) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof MemoryException m
                    ? m
                    : new MemoryException(
                            "could not take the lock of " + key + " in the database " + where, e.getCause());
        }
    }

    /**
     * Pauses one poll before the next try, or refuses once {@code deadline} ({@link System#nanoTime}) has passed.
     *
     * @throws RouterBusy naming {@code holder}, after the wait
     * @throws MemoryException when the thread is interrupted while it waits (its interrupt is kept)
     */
    static void pauseOrRefuse(long deadline, String key, Holder holder) {
        if (System.nanoTime() > deadline) {
            throw new RouterBusy(key, holder);
        }
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MemoryException("interrupted while waiting for a router lock", e);
        }
    }
}
