package io.portcullis.engine.drift;

import java.time.Instant;

/**
 * The service's latest knowledge about one router. {@code drift.status} is in-sync, drift, pending or error.
 * {@code revisions}: which policy revision it was compared with (null when checked without a history).
 */
public record RouterStatus(String router, String platform, DriftEntry drift, Instant lastCheck, long checkMillis, String trigger,
                           Revisions revisions) {

    /**
     * @param applied the revision the router was compared with (the one last applied to it, or the loaded policy — see note)
     * @param pending the newer revision not applied to it yet (status pending), else null
     * @param note    why it was compared with the loaded policy instead of an applied revision, else null
     */
    public record Revisions(String applied, String pending, String note) {
    }

    public RouterStatus(String router, String platform, DriftEntry drift, Instant lastCheck, long checkMillis, String trigger) {
        this(router, platform, drift, lastCheck, checkMillis, trigger, null);
    }

    public boolean inPolicy() {
        return drift != null && "in-sync".equals(drift.status());
    }

    public boolean pending() {
        return drift != null && "pending".equals(drift.status());
    }
}
