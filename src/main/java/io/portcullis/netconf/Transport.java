package io.portcullis.netconf;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A byte pipe to one NETCONF server (the SSH "netconf" subsystem in production; in-memory pipes in tests). The
 * session frames and parses; the transport only moves bytes.
 */
public interface Transport {

    /** Receives inbound bytes, in order, on one thread at a time. */
    interface Listener {
        /** Inbound bytes; the array is only valid during the call. */
        void onBytes(byte[] data, int off, int len);

        /** The transport is gone; {@code cause} is null for an orderly end-of-stream. Called at most once. */
        void onClosed(Throwable cause);
    }

    /** Starts delivering inbound bytes to the listener. */
    void start(Listener listener) throws IOException;

    /** Where outbound bytes go. Writes may block while the peer's window is closed (bounded by the window timeout). */
    OutputStream output();

    /** Closes immediately (no graceful drain); idempotent; returns within a bounded time. */
    void close();

    /** e.g. "192.0.2.1:830", for messages. */
    String peer();

    /** Negotiated transport facts (algorithms, exceptions in force), for reports. */
    default TransportInfo info() {
        return TransportInfo.NONE;
    }
}
