package io.portcullis.netconf.framing;

import java.util.Arrays;

/** A growable byte array that refuses to grow past a cap; the cap is checked before any allocation. */
final class MessageBuffer {
    private static final int INITIAL = 4096;
    private final int cap;
    private byte[] bytes = new byte[0];
    private int size;

    MessageBuffer(int cap) {
        this.cap = cap;
    }

    int size() {
        return size;
    }

    /** Fails (without allocating) when {@code extra} more bytes would exceed the cap. */
    void ensureRoom(long extra) throws FramingException {
        if (size + extra > cap) {
            throw new FramingException("message larger than the " + cap + "-byte cap");
        }
    }

    void append(byte[] src, int off, int len) throws FramingException {
        if (len == 0) {
            return;
        }
        ensureRoom(len);
        int needed = size + len;
        if (needed > bytes.length) {
            long grown = Math.max((long) bytes.length * 2, INITIAL);
            grown = Math.min(Math.max(grown, needed), cap);
            bytes = Arrays.copyOf(bytes, (int) grown);
        }
        System.arraycopy(src, off, bytes, size, len);
        size = needed;
    }

    /** Returns the first {@code length} bytes as an exact-size array and empties the buffer (releasing its memory). */
    byte[] take(int length) {
        byte[] out = Arrays.copyOf(bytes, length);
        bytes = new byte[0];
        size = 0;
        return out;
    }

    boolean isBlank() {
        for (int i = 0; i < size; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    void clear() {
        bytes = new byte[0];
        size = 0;
    }
}
