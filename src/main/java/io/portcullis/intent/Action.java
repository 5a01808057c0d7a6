package io.portcullis.intent;

/** What a term does with a matching packet. DISCARD is silent; REJECT answers with ICMP. */
public enum Action {
    ACCEPT,
    DISCARD,
    REJECT;

    public boolean forwards() {
        return this == ACCEPT;
    }
}
