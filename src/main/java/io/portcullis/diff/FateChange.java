package io.portcullis.diff;

/**
 * How the fate of one representative packet changes, e.g. "TCP/587 toward subscribers (ipv4):
 * forwarded → dropped". {@code where} names the attach points when the change is not the same at
 * all of them (empty otherwise). {@code key} is the same packet as fields (null only where a caller
 * has nothing but the sentence).
 */
public record FateChange(String packet, String where, boolean forwardedBefore, boolean forwardedAfter, PacketKey key) {

    public FateChange(String packet, String where, boolean forwardedBefore, boolean forwardedAfter) {
        this(packet, where, forwardedBefore, forwardedAfter, null);
    }

    public String describe() {
        return packet + (where.isEmpty() ? "" : " at " + where) + ": " + fate(forwardedBefore) + " → " + fate(forwardedAfter);
    }

    public FateChange reversed() {
        return new FateChange(packet, where, forwardedAfter, forwardedBefore, key);
    }

    /** The structured form for JSON documents, with this sentence alongside. */
    public FateItem item() {
        PacketKey k = key == null ? new PacketKey(null, null, null, null, null, null) : key;
        return new FateItem(k.protocol(), k.port(), k.sourcePort(), k.family(), k.direction(), k.destination(),
                where.isEmpty() ? java.util.List.of() : java.util.List.of(where.split(", ")), fate(forwardedBefore), fate(forwardedAfter),
                describe());
    }

    static String fate(boolean forwarded) {
        return forwarded ? "forwarded" : "dropped";
    }
}
