package io.portcullis.ha;

import java.time.Instant;

/**
 * One router's state as {@code pcl_router_state} keeps it (migration V6). The state itself is opaque JSON here: the
 * service ({@code api}) maps it to and from the drift monitor's status, so this package stays below the engine.
 *
 * @param state      in-sync, drift, pending or error
 * @param digest     sha256 of the state without its check time; equal digests mean nothing to write
 * @param statusJson the state as the API shows it, secrets already masked by the writer
 * @param changedAt  the check that found this state
 * @param updatedBy  the replica that wrote it (null before it is written)
 */
public record RouterStateRow(
        String router,
        String platform,
        String state,
        String fingerprint,
        String changedBy,
        String digest,
        String statusJson,
        Instant changedAt,
        String updatedBy) {}
