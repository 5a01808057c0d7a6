package io.portcullis.netconf.framing;

import java.util.Objects;

/**
 * Streaming, byte-level RFC 6242 decoder for both framings, usable by clients and servers alike.
 *
 * <p>Push raw transport bytes with {@link #feed}; each complete message goes to the {@link MessageSink} as bytes
 * (decode UTF-8 only on the reassembled message, so multi-byte characters split across chunks or reads are safe).
 * The decoder starts in {@link Framing#END_OF_MESSAGE} because the hello is always end-of-message framed; switch with
 * {@link #setFraming} between messages (typically from the sink, right after the hello).
 *
 * <p>Strict: any grammar violation (leading zero, size 0, a size above 4294967295 or with more than ten digits,
 * end-of-chunks before a chunk, CR or space in a header, a chunk size that does not match the data, a stream that
 * ends mid-message) or a message above the cap throws {@link FramingException}, after which the decoder stays failed
 * and never delivers a partial message. Chunk sizes are parsed as {@code long} and checked against the cap before any
 * memory is allocated. Not thread-safe: feed from one thread (or serialize).
 */
public final class FrameDecoder {
    static final long MAX_CHUNK_SIZE = 4294967295L;
    private static final byte[] EOM = {']', ']', '>', ']', ']', '>'};
    /** KMP failure function of {@code ]]>]]>}. */
    private static final int[] EOM_FAIL = {0, 1, 0, 1, 2, 3};

    private enum State {
        HEADER_LF,
        HEADER_HASH,
        AFTER_HASH,
        SIZE,
        DATA,
        END_LF
    }

    private final int maxMessageBytes;
    private final MessageSink sink;
    private final MessageBuffer buffer;
    private Framing framing = Framing.END_OF_MESSAGE;
    private String failure;

    // end-of-message state
    private int eomMatched;
    // chunked state
    private State state = State.HEADER_LF;
    private long chunkSize;
    private int sizeDigits;
    private long remaining;
    private int chunks;

    /**
     * @param maxMessageBytes largest reassembled message accepted (e.g. 256 MiB); larger ones fail the stream
     * @param sink receives each complete message
     */
    public FrameDecoder(int maxMessageBytes, MessageSink sink) {
        if (maxMessageBytes < 1 || maxMessageBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxMessageBytes out of range: " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.buffer = new MessageBuffer(maxMessageBytes + EOM.length);
    }

    public Framing framing() {
        return framing;
    }

    /** Switches framing for the next message. Only legal between messages. */
    public void setFraming(Framing next) {
        if (midMessage()) {
            throw new IllegalStateException("cannot switch framing in the middle of a message");
        }
        this.framing = Objects.requireNonNull(next);
    }

    /** True after a framing error; every later call fails with the same error. */
    public boolean failed() {
        return failure != null;
    }

    public void feed(byte[] data) throws FramingException {
        feed(data, 0, data.length);
    }

    public void feed(byte[] data, int off, int len) throws FramingException {
        Objects.checkFromIndexSize(off, len, data.length);
        checkNotFailed();
        int end = off + len;
        try {
            while (off < end) {
                off = framing == Framing.END_OF_MESSAGE ? feedEom(data, off, end) : feedChunked(data, off, end);
            }
        } catch (FramingException e) {
            fail(e.getMessage());
            throw e;
        }
    }

    /** The transport ended. Fails if a message was in progress (a truncated stream is a framing error). */
    public void endOfStream() throws FramingException {
        checkNotFailed();
        if (midMessage()) {
            String what = framing == Framing.CHUNKED ? "chunked" : "end-of-message framed";
            fail("stream ended in the middle of a " + what + " message");
            throw new FramingException(failure);
        }
    }

    private boolean midMessage() {
        if (framing == Framing.END_OF_MESSAGE) {
            return buffer.size() > 0 && !buffer.isBlank();
        }
        return state != State.HEADER_LF || chunks > 0;
    }

    /** Consumes bytes up to and including one end-of-message marker; returns the next unread index. */
    private int feedEom(byte[] data, int off, int end) throws FramingException {
        int start = off;
        for (int i = off; i < end; i++) {
            byte b = data[i];
            while (eomMatched > 0 && b != EOM[eomMatched]) {
                eomMatched = EOM_FAIL[eomMatched - 1];
            }
            if (b == EOM[eomMatched]) {
                eomMatched++;
            }
            if (eomMatched == EOM.length) {
                buffer.append(data, start, i + 1 - start);
                eomMatched = 0;
                deliver(buffer.take(buffer.size() - EOM.length));
                return i + 1;
            }
        }
        buffer.append(data, start, end - start);
        return end;
    }

    /** Consumes chunked bytes up to the end of one message (or of the input); returns the next unread index. */
    private int feedChunked(byte[] data, int off, int end) throws FramingException {
        int i = off;
        while (i < end) {
            if (state == State.DATA) {
                int n = (int) Math.min(remaining, end - i);
                buffer.append(data, i, n);
                remaining -= n;
                i += n;
                if (remaining == 0) {
                    state = State.HEADER_LF;
                }
                continue;
            }
            byte b = data[i++];
            switch (state) {
                case HEADER_LF -> {
                    expect(
                            b == '\n',
                            b,
                            chunks == 0 ? "a message must start with LF" : "chunk data longer than its declared size");
                    state = State.HEADER_HASH;
                }
                case HEADER_HASH -> {
                    expect(b == '#', b, "expected '#' after LF");
                    state = State.AFTER_HASH;
                }
                case AFTER_HASH -> {
                    if (b == '#') {
                        if (chunks == 0) {
                            throw new FramingException("end-of-chunks marker before any chunk");
                        }
                        state = State.END_LF;
                    } else if (b == '0') {
                        throw new FramingException("chunk size with a leading zero (or zero)");
                    } else {
                        expect(b >= '1' && b <= '9', b, "expected a chunk size or '#'");
                        chunkSize = b - '0';
                        sizeDigits = 1;
                        state = State.SIZE;
                    }
                }
                case SIZE -> {
                    if (b == '\n') {
                        startChunk();
                    } else {
                        expect(b >= '0' && b <= '9', b, "invalid character in chunk size");
                        if (++sizeDigits > 10) {
                            throw new FramingException("chunk size has more than 10 digits");
                        }
                        chunkSize = chunkSize * 10 + (b - '0');
                        if (chunkSize > MAX_CHUNK_SIZE) {
                            throw new FramingException("chunk size above 4294967295");
                        }
                    }
                }
                case END_LF -> {
                    expect(b == '\n', b, "expected LF after end-of-chunks '##'");
                    state = State.HEADER_LF;
                    chunks = 0;
                    deliver(buffer.take(buffer.size()));
                    return i;
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        return i;
    }

    private void startChunk() throws FramingException {
        if (buffer.size() + chunkSize > maxMessageBytes) {
            throw new FramingException(
                    "chunk of " + chunkSize + " bytes would exceed the " + maxMessageBytes + "-byte message cap");
        }
        remaining = chunkSize;
        chunks++;
        state = State.DATA;
    }

    private void deliver(byte[] message) throws FramingException {
        if (message.length > maxMessageBytes) {
            throw new FramingException("message larger than the " + maxMessageBytes + "-byte cap");
        }
        sink.onMessage(message);
    }

    private static void expect(boolean ok, byte got, String what) throws FramingException {
        if (!ok) {
            throw new FramingException(what + " (got byte 0x" + Integer.toHexString(got & 0xff) + ")");
        }
    }

    private void fail(String message) {
        if (failure == null) {
            failure = message;
        }
        buffer.clear();
    }

    private void checkNotFailed() throws FramingException {
        if (failure != null) {
            throw new FramingException("framing already failed: " + failure);
        }
    }
}
