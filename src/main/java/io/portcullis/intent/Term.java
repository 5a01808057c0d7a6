package io.portcullis.intent;

import java.util.Objects;

/**
 * One ordered rule of a filter.
 *
 * @param name        stable term name (also the ACE name where the platform keys by name)
 * @param sequence    position key for platforms that key entries by number (gapped: 10, 20, …)
 * @param counter     per-term counter name, or null for none
 * @param log         log matches (off by default: logging can punt to the control plane)
 * @param description free text (owner, ticket); null for none
 */
public record Term(
        String name, int sequence, Match match, Action action, String counter, boolean log, String description) {
    public Term {
        Objects.requireNonNull(name, "term name");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(action, "action");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0");
        }
    }

    public boolean isFinalAcceptAll() {
        return action == Action.ACCEPT && match.isMatchAll();
    }
}
