package io.portcullis.engine.drift;

import java.time.Instant;

/**
 * One policy revision as the service names it: the policy digest (what runs record), the git commit when known,
 * and since when it is known (applied by a run, or loaded from disk).
 */
public record RevisionRef(String digest, String revision, Instant since) {
    /** "3f2a9c1d07be (sha256:0123456789ab…)" or the short digest alone. */
    public String label() {
        String d = digest == null ? "unknown" : digest.length() > 19 ? digest.substring(0, 19) + "…" : digest;
        return revision == null ? d : revision.substring(0, Math.min(12, revision.length())) + " (" + d + ")";
    }

    public boolean sameAs(RevisionRef other) {
        return other != null && digest != null && digest.equals(other.digest);
    }
}
