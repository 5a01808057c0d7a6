package io.portcullis.netconf.framing;

/**
 * The two NETCONF message framings of RFC 6242.
 *
 * <p>{@link #END_OF_MESSAGE} ({@code ]]>]]>} after each document) is used for the hello exchange and for the whole
 * session when either peer lacks {@code urn:ietf:params:netconf:base:1.1}; {@link #CHUNKED} otherwise.
 */
public enum Framing {
    /** base:1.0: each message is followed by {@code ]]>]]>}. */
    END_OF_MESSAGE,
    /** base:1.1: {@code \n#<size>\n<bytes>} chunks ended by {@code \n##\n}. */
    CHUNKED
}
