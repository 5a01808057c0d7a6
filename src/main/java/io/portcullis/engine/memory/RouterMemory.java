package io.portcullis.engine.memory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Quirks and quarantine per router, kept between runs (in the database, or a state file when recording is off).
 * Reads and writes throw {@link MemoryException} (one sentence) when the place they are kept cannot be used.
 */
public interface RouterMemory {
    Set<Quirk> quirks(String router);

    void remember(String router, Quirk quirk, String runId);

    /** Every quarantined router, oldest first. */
    List<Quarantine> quarantined();

    default Optional<Quarantine> quarantine(String router) {
        return quarantined().stream().filter(q -> q.router().equals(router)).findFirst();
    }

    /** Quarantines a router (replacing an older entry of it). */
    void quarantine(Quarantine q);

    /** @return whether the router was quarantined */
    boolean release(String router);

    /** Kept in this JVM only (tests, and the engine when nobody supplies a memory). */
    static RouterMemory inProcess() {
        return new InProcessMemory();
    }

    /** A failure of the place the memory is kept, as one sentence. */
    final class MemoryException extends RuntimeException {
        public MemoryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
