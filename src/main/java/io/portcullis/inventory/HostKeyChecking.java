package io.portcullis.inventory;

/** How a device's SSH host key is checked: strict (default), accept-new (trust on first use, recorded), off (labs only). */
public enum HostKeyChecking {
    STRICT,
    ACCEPT_NEW,
    OFF;

    public static HostKeyChecking parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "strict", "yes" -> STRICT;
            case "accept-new" -> ACCEPT_NEW;
            case "off", "no" -> OFF;
            default ->
                throw new IllegalArgumentException(
                        "host-key-checking '" + text + "' (expected strict, accept-new or off)");
        };
    }
}
