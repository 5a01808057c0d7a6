package io.portcullis.store;

import java.time.Instant;
import java.util.List;

/**
 * What one drift check saw for one router: {@code fingerprint} null means in sync (an open event is resolved),
 * otherwise the drift's fingerprint (a new one opens an event, the same one keeps it open). {@code changedBy} is
 * who changed the router (user, session, source host) when a netconf-config-change notification said so.
 */
public record DriftObservation(
        String router,
        String platform,
        String fingerprint,
        String summary,
        List<String> changes,
        List<String> impact,
        String changedBy,
        String runId,
        Instant at) {
    public DriftObservation {
        changes = changes == null ? List.of() : List.copyOf(changes);
        impact = impact == null ? List.of() : List.copyOf(impact);
        changedBy = Sanitizer.text(changedBy, 400);
        at = at == null ? Instant.now() : at;
    }

    public static DriftObservation inSync(String router, String platform, String runId, Instant at) {
        return new DriftObservation(router, platform, null, null, List.of(), List.of(), null, runId, at);
    }
}
