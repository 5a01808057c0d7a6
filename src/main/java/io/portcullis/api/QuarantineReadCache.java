package io.portcullis.api;

import io.portcullis.engine.memory.Quarantine;
import io.portcullis.engine.memory.Quirk;
import io.portcullis.engine.memory.RouterMemory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The quarantine list as the dashboard and the read-only API show it, read at most once per {@code ttl} (like the
 * counters' read cache): every {@code /}, {@code /fleet.json}, router page and {@code GET /api/routers} request wanted
 * it, and each was a query of {@code pcl_quarantine}. A quarantine or release made through this replica (an apply that
 * leaves a router ROLLBACK_FAILED, a recovery) goes through {@link #invalidating()}, which empties the cache at once;
 * one made by another process (a CLI run, the other replica) shows within {@code ttl}. Apply itself never reads through
 * the cache: its gate reads the memory fresh, so a router quarantined elsewhere a moment ago is still skipped.
 */
final class QuarantineReadCache {
    private record Read(List<Quarantine> all, long at) {}

    private final RouterMemory memory;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private volatile Read read;
    /** Bumped by every invalidation, so a read that overlapped a quarantine or release is not kept. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    QuarantineReadCache(RouterMemory memory, Duration ttl, LongSupplier nanoTime) {
        this.memory = memory;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Every quarantined router, oldest first: from the cache while it is fresh; a failed read is not cached. */
    List<Quarantine> quarantined() {
        Read r = read;
        long now = nanoTime.getAsLong();
        if (r != null && now - r.at() < ttlNanos) {
            return r.all();
        }
        long before = generation.get();
        List<Quarantine> all = List.copyOf(memory.quarantined());
        synchronized (this) {
            if (generation.get() == before) {
                read = new Read(all, now);
            }
        }
        return all;
    }

    synchronized void invalidate() {
        generation.incrementAndGet();
        read = null;
    }

    /** The memory itself, every read fresh, with each quarantine or release also emptying this cache. */
    RouterMemory invalidating() {
        return new RouterMemory() {
            @Override
            public Set<Quirk> quirks(String router) {
                return memory.quirks(router);
            }

            @Override
            public java.util.Map<String, Set<Quirk>> allQuirks() {
                return memory.allQuirks();
            }

            @Override
            public void remember(String router, Quirk quirk, String runId) {
                memory.remember(router, quirk, runId);
            }

            @Override
            public List<Quarantine> quarantined() {
                return memory.quarantined();
            }

            @Override
            public void quarantine(Quarantine q) {
                try {
                    memory.quarantine(q);
                } finally {
                    invalidate();
                }
            }

            @Override
            public boolean release(String router) {
                try {
                    return memory.release(router);
                } finally {
                    invalidate();
                }
            }
        };
    }
}
