package io.portcullis.engine.drift;

import java.time.Instant;

/** The service's latest knowledge about one router. {@code drift.status} is in-sync, drift or error. */
public record RouterStatus(String router, String platform, DriftEntry drift, Instant lastCheck, long checkMillis, String trigger) {
    public boolean inPolicy() {
        return drift != null && "in-sync".equals(drift.status());
    }
}
