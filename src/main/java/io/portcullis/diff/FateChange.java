package io.portcullis.diff;

import io.portcullis.verify.ClassShift;
import java.util.List;

/**
 * How the fate of one representative packet changes, e.g. "TCP/587 toward subscribers (ipv4):
 * forwarded → dropped". {@code where} names the attach points when the change is not the same at
 * all of them (empty otherwise). {@code key} is the same packet as fields (null only where a caller
 * has nothing but the sentence). {@code classes} are the verifier's packet classes the sentence stands for
 * ({@link VerifierFateOracle}; empty where the change was not computed class by class), so a line can be
 * checked against {@code verify} packet by packet.
 */
public record FateChange(
        String packet,
        String where,
        boolean forwardedBefore,
        boolean forwardedAfter,
        PacketKey key,
        List<ClassShift> classes) {

    public FateChange {
        classes = List.copyOf(classes);
    }

    public FateChange(String packet, String where, boolean forwardedBefore, boolean forwardedAfter, PacketKey key) {
        this(packet, where, forwardedBefore, forwardedAfter, key, List.of());
    }

    public FateChange(String packet, String where, boolean forwardedBefore, boolean forwardedAfter) {
        this(packet, where, forwardedBefore, forwardedAfter, null);
    }

    public String describe() {
        return packet + (where.isEmpty() ? "" : " at " + where) + ": " + fate(forwardedBefore) + " → "
                + fate(forwardedAfter);
    }

    public FateChange reversed() {
        return new FateChange(
                packet,
                where,
                forwardedAfter,
                forwardedBefore,
                key,
                classes.stream().map(ClassShift::reversed).toList());
    }

    /** The structured form for JSON documents, with this sentence alongside. */
    public FateItem item() {
        PacketKey k = key == null ? new PacketKey(null, null, null, null, null, null) : key;
        return new FateItem(
                k.protocol(),
                k.port(),
                k.sourcePort(),
                k.family(),
                k.direction(),
                k.destination(),
                where.isEmpty() ? List.of() : List.of(where.split(", ")),
                fate(forwardedBefore),
                fate(forwardedAfter),
                describe());
    }

    static String fate(boolean forwarded) {
        return forwarded ? "forwarded" : "dropped";
    }
}
