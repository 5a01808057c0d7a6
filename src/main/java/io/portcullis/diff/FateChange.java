package io.portcullis.diff;

/**
 * How the fate of one representative packet changes, e.g. "TCP/587 toward subscribers (ipv4):
 * forwarded → dropped". {@code where} names the attach points when the change is not the same at
 * all of them (empty otherwise).
 */
public record FateChange(String packet, String where, boolean forwardedBefore, boolean forwardedAfter) {
    public String describe() {
        return packet + (where.isEmpty() ? "" : " at " + where) + ": " + fate(forwardedBefore) + " → " + fate(forwardedAfter);
    }

    public FateChange reversed() {
        return new FateChange(packet, where, forwardedAfter, forwardedBefore);
    }

    private static String fate(boolean forwarded) {
        return forwarded ? "forwarded" : "dropped";
    }
}
