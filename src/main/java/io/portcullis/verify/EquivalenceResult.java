package io.portcullis.verify;

import java.util.List;

/**
 * Outcome of a cross-platform comparison.
 *
 * @param differences real differences (first one per distinct verdict pattern), empty when equivalent
 * @param excused     differences covered by a declared platform limitation
 */
public record EquivalenceResult(
        List<String> compared, long packetClasses, List<Difference> differences, List<Difference> excused) {
    public EquivalenceResult {
        compared = List.copyOf(compared);
        differences = List.copyOf(differences);
        excused = List.copyOf(excused);
    }

    public boolean equivalent() {
        return differences.isEmpty();
    }
}
