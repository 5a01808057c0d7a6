package io.portcullis.diff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** All semantic differences for one router; empty means the router holds exactly the intent. */
public record IntentDiff(List<Change> changes) {
    public IntentDiff {
        changes = List.copyOf(changes);
    }

    public boolean inSync() {
        return changes.isEmpty();
    }

    /**
     * A short stable digest of the set of differences: the same drift seen twice has the same
     * fingerprint (alert deduplication), a different drift a different one.
     */
    public String fingerprint() {
        if (changes.isEmpty()) {
            return "in-sync";
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            changes.stream()
                    .map(Change::describe)
                    .sorted()
                    .forEach(s -> md.update((s + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
