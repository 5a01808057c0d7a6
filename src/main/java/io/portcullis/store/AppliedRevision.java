package io.portcullis.store;

import java.time.Instant;

/**
 * The policy revision last applied successfully to one router: the newest apply or remediation run in which the
 * router ended APPLIED or NO_CHANGE (a provisional APPLIED with reason PROVEN_AWAITING_CONFIRM and every failure do not count).
 */
public record AppliedRevision(
        String router,
        String policyDigest,
        String policyRevision,
        String runId,
        String kind,
        String state,
        Instant appliedAt) {}
