package io.portcullis.netconf;

/**
 * Sees every NETCONF message of a session as it is framed for sending or taken from the framing layer, before it is
 * parsed: the protocol trace of {@code --verbose}. Called on the sending thread (under the session's write lock, so
 * sends appear in order) and on the SSH I/O thread for received messages; it must be quick and must not throw.
 * The messages are raw: a trace that prints them must redact secrets itself (configuration may hold keys).
 */
@FunctionalInterface
public interface MessageTrace {
    /** No trace (the default). */
    MessageTrace NONE = (peer, sent, message) -> {};

    /**
     * @param peer    the session's peer as {@code host:port}
     * @param sent    true for a message we send, false for one we received
     * @param message the XML message without framing
     */
    void message(String peer, boolean sent, byte[] message);
}
