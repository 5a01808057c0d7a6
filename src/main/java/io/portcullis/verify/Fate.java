package io.portcullis.verify;

/** What happens to a packet: it reaches the subscriber (or leaves them), or it does not. */
public enum Fate {
    FORWARDED,
    DROPPED;

    public String label() {
        return this == FORWARDED ? "forwarded" : "dropped";
    }
}
