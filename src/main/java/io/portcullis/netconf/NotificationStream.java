package io.portcullis.netconf;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Notifications of one session, kept apart from RPC replies. Either poll them, or register a listener (called on the
 * transport's I/O thread: keep it fast and non-blocking). None is ever dropped: when the unread queue reaches its
 * capacity the session fails with {@link Failure#NOTIFICATION_OVERFLOW} instead.
 */
public final class NotificationStream {
    private final LinkedBlockingQueue<Notification> queue = new LinkedBlockingQueue<>();
    private final int capacity;
    private final AtomicLong received = new AtomicLong();
    private volatile Consumer<Notification> listener;
    private volatile boolean ended;

    NotificationStream(int capacity) {
        this.capacity = capacity;
    }

    /** Total notifications received on this session. */
    public long received() {
        return received.get();
    }

    /** Waits up to {@code timeout} for the next notification; empty on timeout or when the session has ended. */
    public Optional<Notification> poll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Notification n =
                    queue.poll(Math.min(50_000_000L, Math.max(0, deadline - System.nanoTime())), TimeUnit.NANOSECONDS);
            if (n != null) {
                return Optional.of(n);
            }
            if (ended || System.nanoTime() >= deadline) {
                return Optional.empty();
            }
        }
    }

    /** Unread notifications waiting in the queue. */
    public int pending() {
        return queue.size();
    }

    /** True once the session is gone (no further notifications will arrive). */
    public boolean ended() {
        return ended;
    }

    /** Switches to push delivery; already queued notifications are delivered first, in order. */
    public synchronized void setListener(Consumer<Notification> consumer) {
        Notification n;
        while ((n = queue.poll()) != null) {
            consumer.accept(n);
        }
        this.listener = consumer;
    }

    /** Returns false when the queue is full (the session must then fail rather than drop). */
    synchronized boolean offer(Notification n) {
        received.incrementAndGet();
        Consumer<Notification> l = listener;
        if (l != null) {
            l.accept(n);
            return true;
        }
        if (queue.size() >= capacity) {
            return false;
        }
        queue.add(n);
        return true;
    }

    void end() {
        ended = true;
    }
}
