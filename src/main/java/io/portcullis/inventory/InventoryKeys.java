package io.portcullis.inventory;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every key an inventory entity (defaults, a group, a host) may carry. A key outside this list is an error, not
 * a silently kept setting: a misspelt security setting ({@code host-key-cheking: off}, {@code pasword-env}) must
 * never be ignored. Free-form user data goes under {@code data:}, the one place where any key is accepted.
 */
final class InventoryKeys {
    /** Keys read into a {@link Device}'s typed fields. */
    static final Set<String> CONNECTION = Set.of(
            "hostname",
            "port",
            "platform",
            "groups",
            "attach",
            "username",
            "password-env",
            "password-file",
            "private-key",
            "known-hosts",
            "host-key-checking",
            "chain-foreign",
            "ssh-algorithm-exceptions");

    /** The free-form map; its entries land in the device's settings as {@code data.KEY}. */
    static final String DATA = "data";

    /** Every accepted key, for "did you mean" and the JSON Schema. */
    static final Set<String> ALL;

    static {
        TreeSet<String> all = new TreeSet<>(CONNECTION);
        for (DeviceSetting s : DeviceSetting.values()) {
            all.add(s.key());
        }
        all.add(DATA);
        all.add("password"); // refused with its own message, but it is not "unknown"
        ALL = Set.copyOf(all);
    }

    private InventoryKeys() {}

    static boolean known(String key) {
        return ALL.contains(key);
    }

    /** The closest accepted key within a typo's reach (edit distance ≤ 2, or ≤ a third of the length), if any. */
    static Optional<String> closest(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : new TreeSet<>(ALL)) {
            int d = distance(k, candidate);
            if (!candidate.equals("password") && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, k.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance (insert, delete, substitute), two rows. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
