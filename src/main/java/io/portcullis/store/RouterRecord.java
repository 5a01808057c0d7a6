package io.portcullis.store;

import java.time.Instant;
import java.util.List;

/**
 * One router's part of a run. {@code state}: the engine's outcome state (APPLIED, NO_CHANGE, FAILED_…, or for
 * plan and drift IN_SYNC, CHANGES, ERROR); {@code changes}/{@code impact}: the structured changes and packet-fate
 * lines; {@code digestBefore}/{@code digestAfter}: the managed-subtree digest of running before and after;
 * {@code preImage}: the managed subtree before the run as the router sent it (XML, for a later rollback; only when
 * the run edited the router), secrets masked ({@link Sanitizer#xml}); {@code error}: one sentence, secrets removed.
 */
public record RouterRecord(
        String router,
        String platform,
        String state,
        String reason,
        List<String> changes,
        List<String> impact,
        String digestBefore,
        String digestAfter,
        String preImage,
        String error,
        long millis,
        Instant recordedAt) {
    public RouterRecord {
        changes = changes == null ? List.of() : List.copyOf(changes);
        impact = impact == null ? List.of() : List.copyOf(impact);
        error = Sanitizer.text(error, 2000);
        preImage = Sanitizer.xml(preImage);
        recordedAt = recordedAt == null ? Instant.now() : recordedAt;
    }
}
