package io.portcullis.counters;

import io.portcullis.intent.FilterIntent;

/**
 * How one platform exposes the match counters of Portcullis' filters: the read-only NETCONF operation
 * that asks for them, and the parser of its reply. Parsing never throws: malformed or missing data
 * becomes {@link CounterRead#unavailable(String)} with the reason, or a term with null packets.
 */
public interface CounterReader {

    /** The operation element sent inside {@code <rpc>} (a {@code <get>} with a subtree filter, or a vendor RPC). */
    String request(FilterIntent owned);

    /**
     * Reads the counters of {@code owned}'s filters out of a whole {@code <rpc-reply>} (or its {@code <data>}).
     *
     * @param owned the filters Portcullis owns on this router (term names, sequences and counter names
     *              identify the platform's entries)
     */
    CounterRead parse(FilterIntent owned, String reply);

    /** The operational path or RPC read, for documentation and messages. */
    String source();

    /** False when {@link #source()} could not be confirmed from published material. */
    boolean confirmed();
}
