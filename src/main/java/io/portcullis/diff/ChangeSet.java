package io.portcullis.diff;

import java.util.List;

/**
 * Everything a reviewer needs about one router's change: the classified differences, the change
 * in the platform's own terms (a unified diff of its text view), the reverse change, and which
 * packets would be treated differently.
 *
 * @param forwardText unified diff router → policy (what apply would do)
 * @param reverseText unified diff policy → router (what undoing it would be)
 * @param fates       packet fates router → policy
 */
public record ChangeSet(IntentDiff diff, String forwardText, String reverseText, List<FateChange> fates) {
    public ChangeSet {
        fates = List.copyOf(fates);
    }

    public static ChangeSet none() {
        return new ChangeSet(new IntentDiff(List.of()), "", "", List.of());
    }

    public boolean isEmpty() {
        return diff.inSync();
    }

    public List<FateChange> reverseFates() {
        return fates.stream().map(FateChange::reversed).toList();
    }
}
