package io.portcullis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.engine.memory.Quarantine;
import io.portcullis.engine.memory.Quirk;
import io.portcullis.engine.memory.RouterMemory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's quarantine read: one read of the memory (pcl_quarantine) per cache period however many pages ask,
 * a quarantine or release through this replica seen at once, another process's change within the period, a failed
 * read never cached, and apply's own reads never served from the cache.
 */
class QuarantineReadCacheTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final CountingMemory memory = new CountingMemory();

    @Test
    void pagesWithinThePeriodShareOneReadAndThisReplicasChangesShowAtOnce() {
        QuarantineReadCache cache = new QuarantineReadCache(memory, Duration.ofSeconds(5), now::get);
        assertThat(cache.quarantined()).isEmpty();
        assertThat(cache.quarantined()).isEmpty();
        tick(4_900);
        assertThat(cache.quarantined()).isEmpty();
        assertThat(memory.reads.get()).as("three polls within 5 s: one query").isEqualTo(1);

        // an apply of this replica quarantines a router: shown on the next poll, not 5 s later
        RouterMemory engineSide = cache.invalidating();
        engineSide.quarantine(q("r1"));
        assertThat(cache.quarantined()).extracting(Quarantine::router).containsExactly("r1");
        assertThat(memory.reads.get()).isEqualTo(2);
        assertThat(engineSide.quarantined())
                .as("apply's gate reads fresh, never from the cache")
                .extracting(Quarantine::router)
                .containsExactly("r1");
        assertThat(memory.reads.get()).isEqualTo(3);

        // another process releases it: shown once the period is over
        memory.all.clear();
        tick(1_000);
        assertThat(cache.quarantined()).extracting(Quarantine::router).containsExactly("r1");
        tick(4_100);
        assertThat(cache.quarantined()).isEmpty();

        // a release through this replica: at once
        memory.all.add(q("r2"));
        tick(5_100);
        assertThat(cache.quarantined()).extracting(Quarantine::router).containsExactly("r2");
        assertThat(engineSide.release("r2")).isTrue();
        assertThat(cache.quarantined()).isEmpty();
    }

    @Test
    void aFailedReadIsNotCachedAndAZeroPeriodReadsEveryTime() {
        QuarantineReadCache cache = new QuarantineReadCache(memory, Duration.ofSeconds(5), now::get);
        memory.failNext = true;
        assertThatThrownBy(cache::quarantined).hasMessageContaining("database away");
        memory.all.add(q("r1"));
        assertThat(cache.quarantined()).extracting(Quarantine::router).containsExactly("r1");

        QuarantineReadCache off = new QuarantineReadCache(memory, Duration.ZERO, now::get);
        int before = memory.reads.get();
        off.quarantined();
        off.quarantined();
        assertThat(memory.reads.get() - before).isEqualTo(2);
    }

    private void tick(long millis) {
        now.addAndGet(millis * 1_000_000L);
    }

    private static Quarantine q(String router) {
        return new Quarantine(router, null, "ROLLBACK_FAILED", "cancel-commit failed", "run-1", "ci", Instant.EPOCH);
    }

    /** The database's quarantine table, counting reads. */
    private static final class CountingMemory implements RouterMemory {
        final List<Quarantine> all = new ArrayList<>();
        final AtomicInteger reads = new AtomicInteger();
        boolean failNext;

        @Override
        public Set<Quirk> quirks(String router) {
            return Set.of();
        }

        @Override
        public java.util.Map<String, Set<Quirk>> allQuirks() {
            return java.util.Map.of();
        }

        @Override
        public void remember(String router, Quirk quirk, String runId) {}

        @Override
        public List<Quarantine> quarantined() {
            reads.incrementAndGet();
            if (failNext) {
                failNext = false;
                throw new MemoryException("database away", null);
            }
            return List.copyOf(all);
        }

        @Override
        public void quarantine(Quarantine q) {
            all.removeIf(e -> e.router().equals(q.router()));
            all.add(q);
        }

        @Override
        public boolean release(String router) {
            return all.removeIf(e -> e.router().equals(router));
        }
    }
}
