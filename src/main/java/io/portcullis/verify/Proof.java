package io.portcullis.verify;

import java.util.List;

/** Every obligation holds for every packet class of the whole space. */
public record Proof(String device, List<String> obligations, long packetClasses, List<FilterStats> filterStats)
        implements VerificationResult {
    public Proof {
        obligations = List.copyOf(obligations);
        filterStats = List.copyOf(filterStats);
    }
}
