package io.portcullis.engine.memory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@link RouterLocks} for the threads of one JVM: a map of held keys and a monitor to wait on. */
final class InProcessLocks implements RouterLocks {
    static final InProcessLocks JVM = new InProcessLocks();

    private final Map<String, Holder> held = new HashMap<>();

    @Override
    public Lease acquire(String key, Holder me, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (this) {
            while (held.containsKey(key)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new RouterBusy(key, held.get(key));
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RouterBusy(key, held.get(key));
                }
            }
            held.put(key, me);
        }
        return new Lease() {
            private boolean released;

            @Override
            public void close() {
                synchronized (InProcessLocks.this) {
                    if (!released) {
                        released = true;
                        held.remove(key);
                        InProcessLocks.this.notifyAll();
                    }
                }
            }
        };
    }
}
