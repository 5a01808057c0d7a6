package io.portcullis.lab.server;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * Queues writes to a MINA channel output, which allows one outstanding write at a time. Never blocks
 * the caller (an RPC worker or a NIO thread): a client that stops reading only grows this queue.
 */
final class AsyncWriter {
    private final IoOutputStream out;
    private final Queue<byte[]> queue = new ArrayDeque<>();
    private boolean writing;
    private boolean dead;
    private Runnable whenDrained;

    AsyncWriter(IoOutputStream out) {
        this.out = out;
    }

    void write(byte[] bytes) {
        synchronized (this) {
            if (dead) {
                return;
            }
            queue.add(bytes);
            if (writing) {
                return;
            }
            writing = true;
        }
        next();
    }

    /** Runs {@code action} once everything queued so far is written (close-session: reply first, then close). */
    void afterDrain(Runnable action) {
        synchronized (this) {
            if (writing && !dead) {
                whenDrained = action;
                return;
            }
        }
        action.run();
    }

    /** Drops everything queued and refuses further writes (half-open, closing). */
    synchronized void kill() {
        dead = true;
        queue.clear();
    }

    private void next() {
        byte[] bytes;
        Runnable drained = null;
        synchronized (this) {
            bytes = dead ? null : queue.poll();
            if (bytes == null) {
                writing = false;
                drained = whenDrained;
                whenDrained = null;
            }
        }
        if (bytes == null) {
            if (drained != null) {
                drained.run();
            }
            return;
        }
        try {
            IoWriteFuture f = out.writeBuffer(new ByteArrayBuffer(bytes));
            f.addListener(done -> {
                if (done.isWritten()) {
                    next();
                } else {
                    kill();
                    next();
                }
            });
        } catch (IOException | RuntimeException e) {
            kill();
            next();
        }
    }
}
