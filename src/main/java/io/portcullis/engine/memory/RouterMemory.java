package io.portcullis.engine.memory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Quirks and quarantine per router, kept between runs (in the database, or a state file when recording is off).
 * Reads and writes throw {@link MemoryException} (one sentence) when the place they are kept cannot be used.
 */
public interface RouterMemory {
    Set<Quirk> quirks(String router);

    /** Every router's quirks (routers without any left out): one read for a whole run. */
    Map<String, Set<Quirk>> allQuirks();

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

    /**
     * {@code memory} as one run sees it: every router's quirks read once, when the run starts, instead of once per router
     * (a query per router on the database); quarantine and writes go to {@code memory}. A quirk another run learns
     * meanwhile serves from the next run on. When that first read fails, each router's quirks are asked of {@code memory}
     * (which says what failed).
     */
    static RouterMemory readingQuirksOnce(RouterMemory memory) {
        return new QuirksReadOnce(memory);
    }

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
