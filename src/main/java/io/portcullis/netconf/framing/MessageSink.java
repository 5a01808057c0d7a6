package io.portcullis.netconf.framing;

/** Receives each complete, reassembled message from a {@link FrameDecoder}, in stream order. */
@FunctionalInterface
public interface MessageSink {
    /**
     * Called once per complete message, on the thread that called {@link FrameDecoder#feed}. The array is owned by the
     * sink. The sink may call {@link FrameDecoder#setFraming} here (e.g. after the hello) and the change applies to
     * the very next byte of the same feed.
     */
    void onMessage(byte[] message) throws FramingException;
}
