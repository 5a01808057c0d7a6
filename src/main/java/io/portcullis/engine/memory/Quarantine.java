package io.portcullis.engine.memory;

import java.time.Instant;

/**
 * A router apply leaves alone until a person releases it: a run left it ROLLBACK_FAILED or UNKNOWN_RECONCILED (or
 * its recovery failed), so its configuration is not known to be either the old or the new one.
 *
 * @param address the router's lock key ({@link RouterLocks#key}, host:port) when known: every inventory name of that box is
 *                skipped, and a box with the same name at another address (a lab rebuilt on new ports) is not
 * @param state  the state the run left it in (ROLLBACK_FAILED, UNKNOWN_RECONCILED, RECOVERY_FAILED)
 * @param reason the run's reason code and sentence, cut to one line
 */
public record Quarantine(
        String router, String address, String state, String reason, String runId, String actor, Instant since) {
    /** Whether this quarantine covers the router named {@code name} at {@code key} (host:port). */
    public boolean covers(String name, String key) {
        return address == null ? router.equals(name) : address.equals(key);
    }

    /** One sentence for outputs: why apply skips the router and how to release it. */
    public String describe() {
        return router + " is quarantined since " + since + " (run " + runId + " by " + actor + " left it " + state
                + ": " + reason + "); look at it, then run 'portcullis quarantine release " + router
                + "' (or apply --include-quarantined)";
    }
}
