package io.portcullis.lab.server;

import io.portcullis.lab.device.Malformation;
import io.portcullis.netconf.framing.FrameEncoder;
import io.portcullis.netconf.framing.Framing;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Frames a reply in the broken ways of {@link Malformation} (D.2 #13); the rest are built in {@link Replies}. */
final class BrokenFrames {
    private BrokenFrames() {}

    /** @return the bytes to send, or null when the malformation is not a framing one */
    static byte[] frame(byte[] msg, Malformation m, Framing framing) {
        int n = msg.length;
        return switch (m) {
            case CHUNK_SIZE_ZERO -> concat("\n#0\n", msg, "\n##\n");
            case CHUNK_LEADING_ZERO -> concat("\n#00" + n + "\n", msg, "\n##\n");
            case CHUNK_SIZE_TOO_BIG -> concat("\n#4294967296\n", msg, "\n##\n");
            case CHUNK_ELEVEN_DIGITS -> concat("\n#12345678901\n", msg, "\n##\n");
            case END_OF_CHUNKS_WITHOUT_CHUNK -> "\n##\n".getBytes(StandardCharsets.US_ASCII);
            case CHUNK_HEADER_CRLF -> concat("\r\n#" + n + "\r\n", msg, "\n##\n");
            case CHUNK_HEADER_SPACE -> concat("\n# " + n + "\n", msg, "\n##\n");
            case CHUNK_SIZE_BELOW_DATA -> concat("\n#" + Math.max(1, n - 5) + "\n", msg, "\n##\n");
            case CHUNK_SIZE_ABOVE_DATA -> concat("\n#" + (n + 100) + "\n", msg, "\n##\n");
            case TRUNCATED ->
                framing == Framing.CHUNKED ? concat("\n#" + n + "\n", slice(msg, n / 2), "") : slice(msg, n / 2);
            case SPLIT_UTF8 -> framing == Framing.CHUNKED ? tinyChunks(msg) : FrameEncoder.encode(msg, framing);
            case EOM_IN_ATTRIBUTE ->
                framing == Framing.CHUNKED ? FrameEncoder.encode(msg, framing) : concat("", msg, "]]>]]>");
            default -> null;
        };
    }

    /** Chunks of 1 to 3 bytes: every multi-byte UTF-8 character ends up split across chunks. */
    private static byte[] tinyChunks(byte[] msg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(msg.length * 4);
        int i = 0;
        int size = 1;
        while (i < msg.length) {
            int len = Math.min(size, msg.length - i);
            out.writeBytes(("\n#" + len + "\n").getBytes(StandardCharsets.US_ASCII));
            out.write(msg, i, len);
            i += len;
            size = size % 3 + 1;
        }
        out.writeBytes("\n##\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] slice(byte[] b, int len) {
        byte[] out = new byte[len];
        System.arraycopy(b, 0, out, 0, len);
        return out;
    }

    private static byte[] concat(String head, byte[] body, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 32);
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.writeBytes(tail.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
