package io.portcullis.verify;

import java.util.List;
import java.util.Map;

/**
 * What the proof saw of one filter: how many packet classes it classified, how many it dropped, how
 * many each term decided, and terms that decided nothing (shadowed or dead).
 */
public record FilterStats(
        String filter,
        int terms,
        long classes,
        long dropped,
        Map<String, Long> decidedByTerm,
        long decidedByDefault,
        List<String> unusedTerms) {
    public FilterStats {
        decidedByTerm = Map.copyOf(decidedByTerm);
        unusedTerms = List.copyOf(unusedTerms);
    }
}
