package io.portcullis.store;

import java.time.Instant;
import java.util.List;

/** A drift as the store remembers it: open from {@code openedAt} until {@code resolvedAt} (null while open). */
public record DriftEvent(
        long id,
        String router,
        String fingerprint,
        String summary,
        List<String> changes,
        List<String> impact,
        String changedBy,
        Instant openedAt,
        Instant lastSeenAt,
        Instant resolvedAt,
        String openedByRun) {
    public boolean open() {
        return resolvedAt == null;
    }
}
