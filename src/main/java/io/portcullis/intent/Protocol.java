package io.portcullis.intent;

/**
 * An IP protocol / IPv6 next-header number, or {@link #ANY}. A record rather than an enum so
 * that whatever number a device returns can be represented and verified.
 */
public record Protocol(int number) implements java.io.Serializable {
    public static final Protocol ANY = new Protocol(-1);
    public static final Protocol ICMP = new Protocol(1);
    public static final Protocol TCP = new Protocol(6);
    public static final Protocol UDP = new Protocol(17);
    public static final Protocol ICMPV6 = new Protocol(58);

    public Protocol {
        if (number < -1 || number > 255) {
            throw new IllegalArgumentException("protocol number " + number + " is outside 0..255");
        }
    }

    public boolean isAny() {
        return number == -1;
    }

    /** Protocols that carry port numbers (so a port match means something). */
    public boolean hasPorts() {
        return number == 6 || number == 17;
    }

    public boolean matches(int packetProtocol) {
        return isAny() || number == packetProtocol;
    }

    public static Protocol of(int number) {
        return switch (number) {
            case 6 -> TCP;
            case 17 -> UDP;
            case 1 -> ICMP;
            case 58 -> ICMPV6;
            default -> new Protocol(number);
        };
    }

    /** Parses "tcp", "udp", "icmp", "icmpv6", "any" or a number. */
    public static Protocol parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "tcp" -> TCP;
            case "udp" -> UDP;
            case "icmp" -> ICMP;
            case "icmpv6", "ipv6-icmp", "icmp6" -> ICMPV6;
            case "any", "ip", "ipv4", "ipv6" -> ANY;
            default -> {
                try {
                    yield of(Integer.parseInt(t));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown protocol '" + text + "'");
                }
            }
        };
    }

    /** Lower-case name for tcp/udp/icmp, the number otherwise, "any" for ANY. */
    public String label() {
        return switch (number) {
            case -1 -> "any";
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1 -> "icmp";
            case 58 -> "icmpv6";
            default -> Integer.toString(number);
        };
    }

    @Override
    public String toString() {
        return label();
    }
}
