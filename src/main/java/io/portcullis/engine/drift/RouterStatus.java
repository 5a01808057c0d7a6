package io.portcullis.engine.drift;

import java.time.Instant;

/**
 * The service's latest knowledge about one router. {@code drift.status} is in-sync, drift, pending or error.
 * {@code revisions}: which policy revision it was compared with (null when checked without a history).
 * {@code changedBy}: while drifted, who changed the router when a change notification named someone (kept from
 * the open alert, so a later check, a restart or a failover does not lose it), else null.
 */
public record RouterStatus(
        String router,
        String platform,
        DriftEntry drift,
        Instant lastCheck,
        long checkMillis,
        String trigger,
        Revisions revisions,
        String changedBy) {

    /**
     * @param applied the revision the router was compared with (the one last applied to it, or the loaded policy — see note)
     * @param pending the newer revision not applied to it yet (status pending), else null
     * @param note    why it was compared with the loaded policy instead of an applied revision, else null
     */
    public record Revisions(String applied, String pending, String note) {}

    public RouterStatus(
            String router, String platform, DriftEntry drift, Instant lastCheck, long checkMillis, String trigger) {
        this(router, platform, drift, lastCheck, checkMillis, trigger, null, null);
    }

    /** The same status with another check time (a follower's: the leader's last full check may be newer than the row). */
    public RouterStatus checkedAt(Instant at) {
        return new RouterStatus(router, platform, drift, at, checkMillis, trigger, revisions, changedBy);
    }

    public boolean inPolicy() {
        return drift != null && "in-sync".equals(drift.status());
    }

    public boolean pending() {
        return drift != null && "pending".equals(drift.status());
    }
}
