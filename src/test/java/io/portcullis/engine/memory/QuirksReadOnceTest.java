package io.portcullis.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A run reads every router's quirks once, not once per router, and what it learns meanwhile it sees itself. */
class QuirksReadOnceTest {
    @Test
    void aThousandRoutersCostOneReadAndARememberedQuirkIsSeenAtOnce() {
        CountingMemory db = new CountingMemory();
        db.remember("r7", Quirk.VALIDATE_LOSES_EDITS, "earlier-run");
        RouterMemory run = RouterMemory.readingQuirksOnce(db);
        for (int i = 0; i < 1000; i++) {
            run.quirks("r" + i);
        }
        assertThat(db.allReads).hasValue(1);
        assertThat(db.oneReads).hasValue(0);
        assertThat(run.quirks("r7")).containsExactly(Quirk.VALIDATE_LOSES_EDITS);
        assertThat(run.quirks("r8")).isEmpty();

        run.remember("r8", Quirk.VALIDATE_LOSES_EDITS, "this-run");
        assertThat(db.quirks("r8")).as("written through").containsExactly(Quirk.VALIDATE_LOSES_EDITS);
        assertThat(run.quirks("r8")).as("and seen by the run").containsExactly(Quirk.VALIDATE_LOSES_EDITS);
    }

    @Test
    void whenTheFirstReadFailsEachRouterIsAskedAndSaysWhatFailed() {
        CountingMemory db = new CountingMemory();
        db.down = true;
        RouterMemory run = RouterMemory.readingQuirksOnce(db);
        assertThatThrownBy(() -> run.quirks("r1"))
                .isInstanceOf(RouterMemory.MemoryException.class)
                .hasMessage("database away");
        db.down = false;
        db.remember("r1", Quirk.VALIDATE_LOSES_EDITS, "other-run");
        assertThat(run.quirks("r1")).containsExactly(Quirk.VALIDATE_LOSES_EDITS);
        assertThat(db.oneReads).hasValue(2);
    }

    /** A memory counting its reads of quirks. */
    private static final class CountingMemory implements RouterMemory {
        private final RouterMemory kept = RouterMemory.inProcess();
        final AtomicInteger allReads = new AtomicInteger();
        final AtomicInteger oneReads = new AtomicInteger();
        volatile boolean down;

        @Override
        public Set<Quirk> quirks(String router) {
            oneReads.incrementAndGet();
            failWhenDown();
            return kept.quirks(router);
        }

        @Override
        public Map<String, Set<Quirk>> allQuirks() {
            allReads.incrementAndGet();
            failWhenDown();
            return kept.allQuirks();
        }

        @Override
        public void remember(String router, Quirk quirk, String runId) {
            kept.remember(router, quirk, runId);
        }

        @Override
        public List<Quarantine> quarantined() {
            return kept.quarantined();
        }

        @Override
        public void quarantine(Quarantine q) {
            kept.quarantine(q);
        }

        @Override
        public boolean release(String router) {
            return kept.release(router);
        }

        private void failWhenDown() {
            if (down) {
                throw new MemoryException("database away", null);
            }
        }
    }
}
