package io.portcullis.engine.apply;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Rollout and transaction settings.
 *
 * @param canary        routers applied first, one at a time; any canary failure halts the rollout
 * @param batch         routers per wave after the canaries (0 = all remaining in one wave)
 * @param parallel      routers in flight at once inside a wave
 * @param maxFailures   failures tolerated before halting (0 = halt on the first)
 * @param lockAttempts  lock tries before reporting the holder (with jittered backoff)
 * @param revertWait    how long to keep reading back while waiting for a router to revert
 * @param onFailure     KEEP: each router is confirmed once proven; REVERT: two-phase, all confirmed or all cancelled
 * @param journal       directory of the write-ahead journal of persistent confirmed commits (REVERT)
 * @param confirmTimeoutOverridesInventory the confirm timeout came from a command-line flag, the environment or the
 *                      API request, so it wins over the inventory's confirm-timeout (flags beat files, everywhere);
 *                      otherwise it is the built-in default and the inventory's value, when set, wins
 */
public record ApplyOptions(
        int confirmTimeoutSeconds,
        int canary,
        int batch,
        int parallel,
        int maxFailures,
        int lockAttempts,
        Duration lockBackoff,
        Duration revertWait,
        FailurePolicy onFailure,
        Path journal,
        boolean confirmTimeoutOverridesInventory) {
    /** What a failure does to routers already proven in the same run. */
    public enum FailurePolicy {
        KEEP,
        REVERT
    }

    /** Under REVERT the confirm window is extended every third of it, so it must leave room for that. */
    public static final int MIN_REVERT_CONFIRM_TIMEOUT = 3;

    public ApplyOptions(
            int confirmTimeoutSeconds,
            int canary,
            int batch,
            int parallel,
            int maxFailures,
            int lockAttempts,
            Duration lockBackoff,
            Duration revertWait) {
        this(
                confirmTimeoutSeconds,
                canary,
                batch,
                parallel,
                maxFailures,
                lockAttempts,
                lockBackoff,
                revertWait,
                FailurePolicy.KEEP,
                Journal.DEFAULT_DIR,
                false);
    }

    public ApplyOptions {
        if (onFailure == null) {
            onFailure = FailurePolicy.KEEP;
        }
        if (journal == null) {
            journal = Journal.DEFAULT_DIR;
        }
        if (onFailure == FailurePolicy.REVERT && confirmTimeoutSeconds < MIN_REVERT_CONFIRM_TIMEOUT) {
            throw new IllegalArgumentException(
                    "--confirm-timeout must be at least " + MIN_REVERT_CONFIRM_TIMEOUT
                            + " seconds with --on-failure revert (the window is extended every third of it until the whole run is proven)");
        }
        if (confirmTimeoutSeconds < 1) {
            throw new IllegalArgumentException("--confirm-timeout must be at least 1 second");
        }
        if (canary < 0 || batch < 0 || maxFailures < 0) {
            throw new IllegalArgumentException("--canary, --batch and --max-failures must not be negative");
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1");
        }
        if (lockAttempts < 1) {
            lockAttempts = 1;
        }
    }

    public static ApplyOptions defaults() {
        return new ApplyOptions(120, 0, 0, 10, 0, 3, Duration.ofMillis(500), Duration.ofSeconds(10));
    }

    public ApplyOptions withRollout(int canary, int batch, int parallel, int maxFailures) {
        return new ApplyOptions(
                confirmTimeoutSeconds,
                canary,
                batch,
                parallel,
                maxFailures,
                lockAttempts,
                lockBackoff,
                revertWait,
                onFailure,
                journal,
                confirmTimeoutOverridesInventory);
    }

    /** A default-level confirm timeout: the inventory's confirm-timeout, where set, wins over it. */
    public ApplyOptions withConfirmTimeout(int seconds) {
        return new ApplyOptions(
                seconds,
                canary,
                batch,
                parallel,
                maxFailures,
                lockAttempts,
                lockBackoff,
                revertWait,
                onFailure,
                journal,
                false);
    }

    /** A confirm timeout given on the command line, in the environment or in an API request: it wins over the inventory. */
    public ApplyOptions withConfirmTimeoutOverride(int seconds) {
        return new ApplyOptions(
                seconds,
                canary,
                batch,
                parallel,
                maxFailures,
                lockAttempts,
                lockBackoff,
                revertWait,
                onFailure,
                journal,
                true);
    }

    public ApplyOptions withLock(int attempts, Duration backoff) {
        return new ApplyOptions(
                confirmTimeoutSeconds,
                canary,
                batch,
                parallel,
                maxFailures,
                attempts,
                backoff,
                revertWait,
                onFailure,
                journal,
                confirmTimeoutOverridesInventory);
    }

    public ApplyOptions withOnFailure(FailurePolicy policy, Path journalDir) {
        return new ApplyOptions(
                confirmTimeoutSeconds,
                canary,
                batch,
                parallel,
                maxFailures,
                lockAttempts,
                lockBackoff,
                revertWait,
                policy,
                journalDir,
                confirmTimeoutOverridesInventory);
    }

    public ApplyOptions withRevertWait(Duration wait) {
        return new ApplyOptions(
                confirmTimeoutSeconds,
                canary,
                batch,
                parallel,
                maxFailures,
                lockAttempts,
                lockBackoff,
                wait,
                onFailure,
                journal,
                confirmTimeoutOverridesInventory);
    }

    /** The options that matter to a run's record (history), under their command-line names. */
    public java.util.Map<String, String> recorded() {
        return java.util.Map.of(
                "canary",
                "" + canary,
                "batch",
                "" + batch,
                "parallel",
                "" + parallel,
                "max-failures",
                "" + maxFailures,
                "on-failure",
                onFailure.name().toLowerCase(java.util.Locale.ROOT),
                "confirm-timeout",
                "" + confirmTimeoutSeconds);
    }

    /**
     * The confirm timeout for this router, by precedence: flag / environment / API request, then the inventory (host >
     * group > defaults, merged at load time), then the built-in default. Two-phase: never below its minimum.
     */
    int confirmTimeout(io.portcullis.engine.targets.Target t, boolean twoPhase) {
        int seconds = confirmTimeoutOverridesInventory
                ? confirmTimeoutSeconds
                : t.device().confirmTimeout().orElse(confirmTimeoutSeconds);
        return twoPhase ? Math.max(MIN_REVERT_CONFIRM_TIMEOUT, seconds) : seconds;
    }
}
