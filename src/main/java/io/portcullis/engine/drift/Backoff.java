package io.portcullis.engine.drift;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter, capped. After the n-th consecutive failure the next try waits a
 * uniformly random time in [min, min(max, min × 2^n)]: the ceiling doubles per failure up to max, and the
 * jitter spreads a fleet that failed together (a network outage) so it does not reconnect in lock-step.
 * The random source is injected so tests can pin it.
 */
public final class Backoff {
    private static final int MAX_DOUBLINGS = 30;

    private final long minMillis;
    private final long maxMillis;
    private final RandomGenerator random;

    public Backoff(Duration min, Duration max, RandomGenerator random) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, got " + min + " and " + max);
        }
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** With a thread-safe random source of its own. */
    public Backoff(Duration min, Duration max) {
        this(min, max, new Random());
    }

    /** The largest wait after {@code failures} consecutive failures (at least 1). */
    public long ceilingMillis(int failures) {
        int doublings = Math.max(0, Math.min(failures, MAX_DOUBLINGS));
        long ceiling = minMillis;
        for (int i = 0; i < doublings && ceiling < maxMillis; i++) {
            ceiling = Math.min(maxMillis, ceiling * 2);
        }
        return ceiling;
    }

    /** A random wait in [min, ceiling(failures)]. */
    public long delayMillis(int failures) {
        return minMillis + random.nextLong(ceilingMillis(failures) - minMillis + 1);
    }

    /** A random wait in [0, spread): used to spread first attempts. */
    public long spreadMillis(long spread) {
        return random.nextLong(Math.max(1, spread));
    }
}
