package io.portcullis.verify;

/**
 * A broken obligation with a concrete counterexample.
 *
 * @param obligation what had to hold (e.g. "drop tcp 25,465 ipv4 toward subscriber at ge-1/0/0.100")
 */
public record Violation(String obligation, Packet packet, Fate expected, Verdict actual) {

    /** One line: packet, expected fate, actual fate and deciding term. */
    public String describe() {
        String how = actual.term() != null ? "by term " + actual.decidedBy() : "(" + actual.decidedBy() + ")";
        return packet.describe() + ": expected " + expected.label() + ", got "
                + actual.fate().label() + " " + how;
    }
}
