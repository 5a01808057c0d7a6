package io.portcullis.verify;

import java.util.List;

/** At least one obligation fails; each violation carries a concrete counterexample packet. */
public record Disproof(
        String device,
        List<String> obligations,
        long packetClasses,
        List<FilterStats> filterStats,
        List<Violation> found)
        implements VerificationResult {
    public Disproof {
        obligations = List.copyOf(obligations);
        filterStats = List.copyOf(filterStats);
        found = List.copyOf(found);
    }
}
