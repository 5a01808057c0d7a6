package io.portcullis.engine.memory;

import java.time.Duration;

/**
 * What one caller (a CLI run, the service) gives the engine to keep routers apart and remember them: the memory
 * (quirks, quarantine), the router locks, who is running (for "another Portcullis run holds this router (run id,
 * actor)"), how long to wait for a router another run holds, and whether quarantined routers are applied anyway
 * ({@code --include-quarantined}).
 */
public record RouterGuard(
        RouterMemory memory, RouterLocks locks, String actor, Duration lockWait, boolean includeQuarantined) {
    /** How long a run waits for a router another run holds before refusing it. */
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);

    /** This JVM only: what the engine uses when nobody supplies a guard (tests, benchmarks). */
    public static RouterGuard inProcess() {
        return new RouterGuard(
                RouterMemory.inProcess(), RouterLocks.inProcess(), "portcullis", DEFAULT_LOCK_WAIT, false);
    }

    /** The guard one run uses: the memory's quirks read once for the run ({@link RouterMemory#readingQuirksOnce}). */
    public RouterGuard forOneRun() {
        return new RouterGuard(RouterMemory.readingQuirksOnce(memory), locks, actor, lockWait, includeQuarantined);
    }

    public RouterGuard as(String who) {
        return new RouterGuard(memory, locks, who, lockWait, includeQuarantined);
    }

    public RouterGuard includingQuarantined(boolean include) {
        return new RouterGuard(memory, locks, actor, lockWait, include);
    }

    public RouterGuard waitingAtMost(Duration wait) {
        return new RouterGuard(memory, locks, actor, wait, includeQuarantined);
    }
}
