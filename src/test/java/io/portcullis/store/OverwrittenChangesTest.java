package io.portcullis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which routers the run history says an apply overwrote unseen, on both back ends: only a router the run edited whose
 * running config differed from what the previous Portcullis run left (applied, unchanged, or rolled back and read back),
 * and only when nothing else explains it (the previous run left the router in a state it could not read back, or serve
 * opened a drift event in between or was still alerting one when the run started).
 */
class OverwrittenChangesTest {
    @TempDir
    Path tmp;

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private static RouterRecord row(
            String router, String state, String reason, String before, String after, boolean edited, Instant at) {
        return new RouterRecord(
                router,
                "junos",
                state,
                reason,
                List.of("term added: PORTCULLIS-V4/block-smtp"),
                List.of("TCP/2525 toward subscribers (ipv4): forwarded → dropped"),
                before,
                after,
                edited ? "<configuration/>" : null,
                null,
                10,
                at);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void onlyAnUnexplainedDifferenceBeforeAnEditIsAnOverwrittenChange(Backend b) {
        DbSettings s = b.fresh(tmp);
        try (RunStore store = StoreOpener.open(s)) {
            Instant t1 = T0.plusSeconds(10);
            store.beginRun(RunStoreContractTest.start("run-1", "apply", T0));
            store.recordRouters(
                    "run-1",
                    List.of(
                            row("same", "APPLIED", null, "d0", "d1", true, t1),
                            row("changed", "APPLIED", null, "d0", "d1", true, t1),
                            row("failed-before", "ROLLBACK_FAILED", "ROLLBACK_NOT_VERIFIED", "d0", null, true, t1),
                            // rolled back and read back: the router holds what it held before, d0
                            row("rolled-back", "FAILED_ROLLED_BACK", "ROLLED_BACK", "d0", "d0", true, t1),
                            row("rolled-back-clean", "FAILED_ROLLED_BACK", "ROLLED_BACK", "d0", "d0", true, t1),
                            row("provisional", "APPLIED", "PROVEN_AWAITING_CONFIRM", "d0", "d1", true, t1),
                            row("seen", "APPLIED", null, "d0", "d1", true, t1),
                            // read before the change, recorded after serve alerted it (the soak's lab-ietf-0318)
                            row("alerted-late", "APPLIED", null, "d0", "d1", true, T0.plusSeconds(40)),
                            row("alerted-and-resolved-before", "APPLIED", null, "d0", "d1", true, t1),
                            row("not-edited", "NO_CHANGE", null, "d1", "d1", false, t1)));
            store.finishRun("run-1", T0.plusSeconds(40), 0, null);
            // serve saw the change on "seen" and opened a drift event before the next apply
            store.recordDrift(new DriftObservation(
                    "seen", "junos", "fp", "seen drifted", List.of(), List.of(), "bob", null, T0.plusSeconds(30)));
            // alerted while run-1 was still busy with the router, and still open when run-2 started: serve saw it
            store.recordDrift(new DriftObservation(
                    "alerted-late", "junos", "fp", "drifted", List.of(), List.of(), "carol", null, T0.plusSeconds(30)));
            store.recordDrift(DriftObservation.inSync("alerted-late", "junos", null, T0.plusSeconds(65)));
            // an alert that opened and resolved before run-1 recorded the router says nothing about a later change
            store.recordDrift(new DriftObservation(
                    "alerted-and-resolved-before",
                    "junos",
                    "fp",
                    "drifted",
                    List.of(),
                    List.of(),
                    "dave",
                    null,
                    T0.plusSeconds(3)));
            store.recordDrift(DriftObservation.inSync("alerted-and-resolved-before", "junos", null, T0.plusSeconds(5)));

            Instant t0b = T0.plusSeconds(60);
            Instant t2 = T0.plusSeconds(70);
            store.beginRun(RunStoreContractTest.start("run-2", "apply", t0b));
            store.recordRouters(
                    "run-2",
                    List.of(
                            row("same", "APPLIED", null, "d1", "d2", true, t2),
                            row("changed", "APPLIED", null, "dX", "d2", true, t2),
                            row("failed-before", "APPLIED", null, "dX", "d2", true, t2),
                            row("rolled-back", "APPLIED", null, "dX", "d2", true, t2),
                            row("rolled-back-clean", "APPLIED", null, "d0", "d2", true, t2),
                            row("provisional", "APPLIED", null, "dX", "d2", true, t2),
                            row("seen", "APPLIED", null, "dX", "d2", true, t2),
                            row("alerted-late", "APPLIED", null, "dX", "d2", true, t2),
                            row("alerted-and-resolved-before", "APPLIED", null, "dX", "d2", true, t2),
                            row("not-edited", "FAILED_NOT_APPLIED", "LOCKED_BY", "dX", "dX", false, t2),
                            row("first-time", "APPLIED", null, "dX", "d2", true, t2)));
            store.finishRun("run-2", t2, 0, null);

            List<OverwrittenChange> found = store.overwrittenChanges("run-2");
            assertThat(found)
                    .extracting(OverwrittenChange::router)
                    .containsExactly("alerted-and-resolved-before", "changed", "rolled-back");
            assertThat(found.get(2).digestKnown()).isEqualTo("d0");
            OverwrittenChange c = found.get(1);
            assertThat(c.knownRun()).isEqualTo("run-1");
            assertThat(c.digestKnown()).isEqualTo("d1");
            assertThat(c.digestBefore()).isEqualTo("dX");
            assertThat(c.actor()).isEqualTo("alice");
            assertThat(c.runStartedAt()).isEqualTo(t0b);
            assertThat(c.impact()).containsExactly("TCP/2525 toward subscribers (ipv4): forwarded → dropped");
            assertThat(store.overwrittenChanges("run-1"))
                    .as("nothing earlier to compare with")
                    .isEmpty();

            // audited once, by one replica
            assertThat(store.unauditedRuns(T0.minusSeconds(1))).containsExactly("run-1", "run-2");
            assertThat(store.unauditedRuns(T0.plusSeconds(1))).containsExactly("run-2");
            assertThat(store.markAudited("run-2", "replica-a", 1)).isTrue();
            assertThat(store.markAudited("run-2", "replica-b", 1)).isFalse();
            assertThat(store.unauditedRuns(T0.minusSeconds(1))).containsExactly("run-1");

            // an unfinished run is not audited yet
            store.beginRun(RunStoreContractTest.start("run-3", "apply", T0.plusSeconds(100)));
            assertThat(store.unauditedRuns(T0.minusSeconds(1))).containsExactly("run-1");
        } finally {
            b.drop(s);
        }
    }
}
