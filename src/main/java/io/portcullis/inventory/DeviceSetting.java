package io.portcullis.inventory;

import java.util.Locale;

/**
 * The typed per-router settings beyond connection details, checked when the inventory is loaded (file:line on a
 * bad value) so that nothing downstream parses free text. Each is read through {@link Device}'s accessors.
 */
public enum DeviceSetting {
    /** Seconds the router waits for the confirming commit; a command-line {@code --confirm-timeout} wins over it. */
    CONFIRM_TIMEOUT("confirm-timeout", Kind.SECONDS),
    /** Whether to send {@code <validate>} before committing (some platforms reject it). */
    VALIDATE("validate", Kind.BOOLEAN),
    /** Seconds to wait for the reply to any one NETCONF RPC to this router (slow commits, e.g. VRP). */
    TIMEOUT("timeout", Kind.SECONDS);

    /** How a value is checked. */
    enum Kind {
        SECONDS,
        BOOLEAN
    }

    /** The longest a router may be told to wait: a day. */
    static final int MAX_SECONDS = 86_400;

    private final String key;
    private final Kind kind;

    DeviceSetting(String key, Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    public String key() {
        return key;
    }

    /** The normalised value, or null with {@code problem[0]} set to a one-line explanation of what is expected. */
    String check(String text, String[] problem) {
        String t = text == null ? "" : text.trim();
        switch (kind) {
            case BOOLEAN -> {
                if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
                    return t.toLowerCase(Locale.ROOT);
                }
                problem[0] = "expected true or false";
                return null;
            }
            case SECONDS -> {
                if (t.matches("[1-9][0-9]{0,5}") && Integer.parseInt(t) <= MAX_SECONDS) {
                    return t;
                }
                problem[0] = "expected whole seconds 1.." + MAX_SECONDS + " (decimal, no unit)";
                return null;
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    static DeviceSetting byKey(String key) {
        for (DeviceSetting s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }
}
