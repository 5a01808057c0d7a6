package io.portcullis.intent;

/** IP address family a filter, term or promise applies to. */
public enum AddressFamily {
    IPV4("ipv4", 32),
    IPV6("ipv6", 128);

    private final String id;
    private final int bits;

    AddressFamily(String id, int bits) {
        this.id = id;
        this.bits = bits;
    }

    /** Spelling used in the policy model and inventory ({@code ipv4}/{@code ipv6}). */
    public String id() {
        return id;
    }

    public int addressBits() {
        return bits;
    }

    public static AddressFamily fromId(String id) {
        for (AddressFamily f : values()) {
            if (f.id.equalsIgnoreCase(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown address family '" + id + "' (expected ipv4 or ipv6)");
    }
}
