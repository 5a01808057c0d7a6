package io.portcullis.store;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One bounded retry queue in front of a store, shared by the run history's and the counter history's writers
 * ({@link BufferedRunStore}, {@link BufferedCounterSamples}): writes are queued and written in order by one thread of
 * its own, so the caller never waits for the database. What cannot be written waits, up to {@code capacity} units of
 * weight (a write weighs 1 for the run history, its rows for the counter history); beyond that the oldest writes are
 * dropped and their weight counted. A failure {@code retryable} accepts keeps the write at the head of the queue,
 * calls {@code reset} (reopen the store) and retries after {@code retry}; any other failure means the database refuses
 * the write itself, so it is dropped and counted rather than holding up everything behind it.
 *
 * @param <S> the store the writes go to
 */
final class BufferedWriter<S> implements AutoCloseable {
    /**
     * The writer's log lines. {@code failing}: the first failure of an outage, formatted with the retry interval
     * ({@code %1$s}) and the error ({@code %2$s}); {@code answersAgain}: the first success after it, with the weight
     * still waiting ({@code %d}); {@code dropped}: a write refused for good, with the error ({@code %s}).
     */
    record Texts(String failing, String answersAgain, String dropped) {}

    private static final Logger LOG = Logger.getLogger(BufferedWriter.class);

    private record Op<S>(int weight, Consumer<S> run) {}

    private final Supplier<S> target;
    private final Runnable reset;
    private final int capacity;
    private final Duration retry;
    private final Predicate<StoreException> retryable;
    private final Texts texts;
    private final Deque<Op<S>> queue = new ArrayDeque<>();
    private final Thread writer;
    private int waiting;
    private volatile String lastError;
    private volatile long dropped;
    private volatile boolean closed;

    /**
     * @param target    the store, opened on first use (a {@link StoreException} from it is always retried: nothing can
     *                  be written until it opens)
     * @param reset     called after a retryable failure, so the next try opens the store afresh
     * @param retryable which failures are worth retrying (the database is away, a deadlock, a pool timeout)
     */
    BufferedWriter(
            String threadName,
            Supplier<S> target,
            Runnable reset,
            int capacity,
            Duration retry,
            Predicate<StoreException> retryable,
            Texts texts) {
        this.target = target;
        this.reset = reset;
        this.capacity = Math.max(1, capacity);
        this.retry = retry;
        this.retryable = retryable;
        this.texts = texts;
        this.writer = new Thread(this::drain, threadName);
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues a write of {@code weight} (0: it never pushes anything out, e.g. a prune), dropping the oldest beyond capacity. */
    void enqueue(int weight, Consumer<S> write) {
        synchronized (queue) {
            while (!queue.isEmpty() && waiting + weight > capacity) {
                Op<S> old = queue.pollFirst();
                waiting -= old.weight();
                dropped += old.weight();
            }
            queue.addLast(new Op<>(weight, write));
            waiting += weight;
            queue.notifyAll();
        }
    }

    /** The weight of the writes waiting. */
    int waiting() {
        synchronized (queue) {
            return waiting;
        }
    }

    boolean idle() {
        synchronized (queue) {
            return queue.isEmpty();
        }
    }

    /** Weight dropped: beyond the capacity while the database was down, or refused by it for good. */
    long dropped() {
        return dropped;
    }

    /** Why the database could not be written (or read: see {@link #failedToRead}) last time, one sentence, or null. */
    String lastError() {
        return lastError;
    }

    /** A read through the same store failed: the error is shown as this writer's until a write (or a probe) works. */
    void failedToRead(String error) {
        lastError = error;
    }

    /** A probe reached the database. */
    void reachable() {
        lastError = null;
    }

    private void drain() {
        while (!closed) {
            Op<S> next;
            synchronized (queue) {
                while (queue.isEmpty() && !closed) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                next = queue.peekFirst();
            }
            if (next == null) {
                continue;
            }
            S store;
            try {
                store = target.get();
            } catch (StoreException e) {
                failed(e.getMessage()); // cannot open (unreachable, login, schema): keep everything and try again later
                continue;
            }
            try {
                next.run().accept(store);
                done(next, false);
                if (lastError != null) {
                    LOG.infof(texts.answersAgain(), waiting());
                }
                lastError = null;
            } catch (StoreException e) {
                if (retryable.test(e)) {
                    failed(e.getMessage());
                } else {
                    refused(next, e);
                }
            } catch (AssertionError e) {
                // a JDBC driver's internal assertion on a connection broken mid-statement (seen with -ea): a failure,
                // retried
                failed("not written: " + e.getMessage());
            } catch (RuntimeException e) {
                refused(next, e);
            }
        }
    }

    private void failed(String error) {
        if (lastError == null) {
            LOG.warnf(texts.failing(), retry, error);
        }
        lastError = error;
        reset.run();
        sleep();
    }

    /** A write the database refuses for good (not a connection problem) must not block the others. */
    private void refused(Op<S> op, RuntimeException e) {
        LOG.warnf(texts.dropped(), e.getMessage());
        done(op, true);
    }

    private void done(Op<S> op, boolean drop) {
        synchronized (queue) {
            if (queue.peekFirst() == op) { // not already pushed out by the capacity
                queue.pollFirst();
                waiting -= op.weight();
                if (drop) {
                    dropped += op.weight();
                }
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(retry.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until everything queued so far is written (tests, shutdown); false on timeout. */
    boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (idle()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return idle();
    }

    /** Flushes for at most 5 s, then stops the writer thread (what still waits is lost). */
    @Override
    public void close() {
        flush(Duration.ofSeconds(5));
        closed = true;
        writer.interrupt();
    }
}
