package io.portcullis.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps IR facts a vendor model has no leaf for (a term's name, its counter name) inside the one
 * free-text description the model does have, reversibly: {@code name=deny-smtp counter=c-smtp | block smtp}.
 * Without notes a plain description is written as is; a description that could be mistaken for
 * notes is written as {@code | text}. Used by platforms whose entries are keyed by number only
 * (OpenConfig) or that have no counter-name leaf (Huawei), so render → read gives the same IR.
 */
public final class TermNotes {
    private static final Pattern TOKENS = Pattern.compile("[a-z]+=\\S+( [a-z]+=\\S+)*");
    private static final String SEPARATOR = " | ";

    /** Decoded notes (key → value, in order) and the free-text rest (null if none). */
    public record Decoded(Map<String, String> notes, String text) {
        public Decoded {
            notes = Map.copyOf(notes);
        }

        public String get(String key) {
            return notes.get(key);
        }
    }

    private TermNotes() {}

    /** True when a note value can be stored (non-empty, no whitespace). */
    public static boolean storable(String value) {
        return value != null && !value.isEmpty() && value.chars().noneMatch(Character::isWhitespace);
    }

    /**
     * @param notes key → value; null values are left out; values must be {@link #storable}
     * @return the encoded description, or null when there is nothing to write
     */
    public static String encode(Map<String, String> notes, String text) {
        StringBuilder head = new StringBuilder();
        notes.forEach((k, v) -> {
            if (v != null) {
                if (!storable(v)) {
                    throw new IllegalArgumentException("note " + k + " '" + v + "' contains whitespace");
                }
                head.append(head.length() == 0 ? "" : " ").append(k).append('=').append(v);
            }
        });
        if (text == null) {
            return head.length() == 0 ? null : head.toString();
        }
        if (head.length() == 0 && decode(text).equals(new Decoded(Map.of(), text))) {
            return text;
        }
        return (head.length() == 0 ? "|" : head + " |") + " " + text;
    }

    public static Decoded decode(String description) {
        if (description == null) {
            return new Decoded(Map.of(), null);
        }
        if (description.startsWith("| ")) {
            return new Decoded(Map.of(), description.substring(2));
        }
        int sep = description.indexOf(SEPARATOR);
        if (sep > 0 && TOKENS.matcher(description.substring(0, sep)).matches()) {
            return new Decoded(parse(description.substring(0, sep)), description.substring(sep + SEPARATOR.length()));
        }
        if (TOKENS.matcher(description).matches()) {
            return new Decoded(parse(description), null);
        }
        return new Decoded(Map.of(), description);
    }

    private static Map<String, String> parse(String tokens) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String t : tokens.split(" ")) {
            int eq = t.indexOf('=');
            m.putIfAbsent(t.substring(0, eq), t.substring(eq + 1));
        }
        return m;
    }
}
