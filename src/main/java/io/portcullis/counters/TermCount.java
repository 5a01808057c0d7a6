package io.portcullis.counters;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;

/**
 * What a router reports for one owned term, summed over the entries the term renders to and over the
 * instances the platform keeps (interfaces, subscribers).
 *
 * @param packets packets matched since the filter was installed; null when the platform keeps no counter
 *                for this term (e.g. a Junos term without a {@code count} action) or the entry is not on the router
 * @param bytes   bytes matched, or null when the platform counts packets only
 * @param note    why packets is null, else null
 */
public record TermCount(
        String filter, AddressFamily family, String term, Action action, Long packets, Long bytes, String note) {

    public boolean drops() {
        return !action.forwards();
    }
}
