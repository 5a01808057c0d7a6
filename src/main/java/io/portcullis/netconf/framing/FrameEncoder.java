package io.portcullis.netconf.framing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Frames outgoing messages (RFC 6242). Works on bytes: chunk sizes are octet counts of the encoded message, never
 * character counts. Stateless and thread-safe.
 */
public final class FrameEncoder {
    /** Default largest chunk written; receivers commonly cap chunks (rustnetconf at 4 MB), so stay well below. */
    public static final int DEFAULT_MAX_CHUNK = 1 << 20;

    private static final byte[] EOM = "]]>]]>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_OF_CHUNKS = "\n##\n".getBytes(StandardCharsets.US_ASCII);

    private FrameEncoder() {}

    /** Frames a message into a new array (one chunk per {@link #DEFAULT_MAX_CHUNK} bytes when chunked). */
    public static byte[] encode(byte[] message, Framing framing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 32);
        try {
            write(out, message, framing, DEFAULT_MAX_CHUNK);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** UTF-8 encodes, then frames. */
    public static byte[] encode(String message, Framing framing) {
        return encode(message.getBytes(StandardCharsets.UTF_8), framing);
    }

    /**
     * Writes one framed message. Refuses an empty message (a chunk of size 0 is illegal) and, for end-of-message
     * framing, a message containing {@code ]]>]]>} (the peer would cut it short).
     */
    public static void write(OutputStream out, byte[] message, Framing framing, int maxChunk) throws IOException {
        if (message.length == 0) {
            throw new IllegalArgumentException("cannot frame an empty message");
        }
        if (framing == Framing.END_OF_MESSAGE) {
            if (indexOf(message, EOM) >= 0) {
                throw new IllegalArgumentException("message contains ]]>]]> and cannot be end-of-message framed");
            }
            out.write(message);
            out.write(EOM);
            return;
        }
        if (maxChunk < 1) {
            throw new IllegalArgumentException("maxChunk must be positive");
        }
        for (int off = 0; off < message.length; off += maxChunk) {
            int len = Math.min(maxChunk, message.length - off);
            out.write(("\n#" + len + "\n").getBytes(StandardCharsets.US_ASCII));
            out.write(message, off, len);
        }
        out.write(END_OF_CHUNKS);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
