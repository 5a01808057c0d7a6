package io.portcullis.store;

import java.time.Instant;
import java.util.List;

/**
 * A change to a router that no Portcullis run made and no drift event accounts for, which a later apply (or recover)
 * run then overwrote: the run read a running config ({@code digestBefore}) other than the one the router held after
 * the last Portcullis run that changed or verified it ({@code digestKnown}, written by run {@code knownRun}).
 *
 * @param changes the overwriting run's changes on the router (the revision's own and the overwritten ones together)
 * @param impact  the same run's packet-fate delta on the router
 */
public record OverwrittenChange(
        String runId,
        String runKind,
        String actor,
        Instant runStartedAt,
        String router,
        String platform,
        String digestKnown,
        String knownRun,
        String digestBefore,
        List<String> changes,
        List<String> impact,
        Instant overwrittenAt) {
    public OverwrittenChange {
        changes = changes == null ? List.of() : List.copyOf(changes);
        impact = impact == null ? List.of() : List.copyOf(impact);
    }

    /** The overwriting run's id as people read it (its first 8 characters, as {@code history} prints it). */
    public String shortRunId() {
        return runId.substring(0, Math.min(8, runId.length()));
    }
}
