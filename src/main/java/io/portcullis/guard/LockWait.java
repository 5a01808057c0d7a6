package io.portcullis.guard;

import io.portcullis.engine.memory.RouterLocks.Holder;
import io.portcullis.engine.memory.RouterLocks.RouterBusy;
import io.portcullis.engine.memory.RouterMemory.MemoryException;
import java.time.Duration;

/** The wait of a run for a router another process holds, the same for lock rows and lock files: poll, then refuse. */
final class LockWait {
    /** How often a waiting run looks again. */
    static final Duration POLL = Duration.ofMillis(250);

    private LockWait() {}

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
