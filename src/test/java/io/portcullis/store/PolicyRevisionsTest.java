package io.portcullis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Policy revisions on both real back ends: snapshots round trip byte for byte (what lets any replica rebuild the
 * applied policy), the revision last applied per router comes from successful apply/remediation runs only, and
 * unfinished router-changing runs are listed; the V2 migration runs on an empty database and is a no-op on re-run.
 */
class PolicyRevisionsTest {
    @TempDir
    Path tmp;

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private static RunStart run(String id, String kind, Instant at, String digest) {
        return new RunStart(
                id,
                kind,
                at,
                "0.1.0-TEST",
                new Who("ci", "ci", null, Map.of()),
                new What("c0ffee", digest, "sha256:i", null),
                Map.of());
    }

    private static RouterRecord router(String name, String state) {
        return router(name, state, null);
    }

    private static RouterRecord router(String name, String state, String reason) {
        return new RouterRecord(name, "junos", state, reason, List.of(), List.of(), null, null, null, null, 5, null);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void snapshotsRoundTripAndTheNewestIsTheLastApplied(Backend b) {
        DbSettings s = b.fresh(tmp);
        try (RunStore store = StoreOpener.open(s)) {
            String yaml = "portcullis-policy:policy:\n  name: \"ünïcode ✓\"\n  # a comment kept verbatim\n";
            store.recordPolicy(new PolicySnapshot("sha256:a", "aaaa", T0, Map.of("p.yaml", yaml)));
            store.recordPolicy(
                    new PolicySnapshot("sha256:b", null, T0.plusSeconds(60), Map.of("p.yaml", "b", "q.json", "{}")));
            PolicySnapshot a = store.policy("sha256:a").orElseThrow();
            assertThat(a.documents()).containsExactly(Map.entry("p.yaml", yaml));
            assertThat(a.revision()).isEqualTo("aaaa");
            assertThat(store.policy("sha256:none")).isEmpty();
            assertThat(store.newestPolicy().orElseThrow().digest()).isEqualTo("sha256:b");

            // a remediation of the old revision does not make it the newest; an apply (roll-back) does
            store.recordPolicy(a.forRemediation());
            assertThat(store.newestPolicy().orElseThrow().digest()).isEqualTo("sha256:b");
            store.recordPolicy(new PolicySnapshot("sha256:a", "aaaa", T0.plusSeconds(120), Map.of("p.yaml", yaml)));
            assertThat(store.newestPolicy().orElseThrow().digest()).isEqualTo("sha256:a");
            assertThat(store.policy("sha256:a").orElseThrow().documents()).containsExactly(Map.entry("p.yaml", yaml));
        } finally {
            b.drop(s);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void appliedRevisionIsTheNewestSuccessfulApplyOrRemediationPerRouter(Backend b) {
        DbSettings s = b.fresh(tmp);
        try (RunStore store = StoreOpener.open(s)) {
            store.beginRun(run("a1", "apply", T0, "sha256:A"));
            store.recordRouter("a1", router("r1", "APPLIED"));
            store.recordRouter("a1", router("r2", "NO_CHANGE"));
            store.recordRouter("a1", router("r3", "APPLIED"));
            store.finishRun("a1", T0.plusSeconds(5), 0, null);
            // B: r1 applied, r2 failed (keeps A), r3 still awaiting confirmation (keeps A until confirmed)
            store.beginRun(run("b1", "apply", T0.plusSeconds(60), "sha256:B"));
            store.recordRouter("b1", router("r1", "APPLIED"));
            store.recordRouter("b1", router("r2", "FAILED_ROLLED_BACK"));
            store.recordRouter("b1", router("r3", "APPLIED", "PROVEN_AWAITING_CONFIRM"));
            // a plan and a drift check of C do not count, whatever their state says
            store.beginRun(run("p1", "plan", T0.plusSeconds(90), "sha256:C"));
            store.recordRouter("p1", router("r2", "NO_CHANGE"));
            store.beginRun(run("m1", "remediation", T0.plusSeconds(120), "sha256:A"));
            store.recordRouter("m1", router("r4", "APPLIED"));
            store.finishRun("m1", T0.plusSeconds(121), 0, null);

            Map<String, AppliedRevision> applied = new java.util.TreeMap<>();
            store.appliedRevisions().forEach(r -> applied.put(r.router(), r));
            assertThat(applied.keySet()).containsExactly("r1", "r2", "r3", "r4");
            assertThat(applied.get("r1").policyDigest()).isEqualTo("sha256:B");
            assertThat(applied.get("r1").runId()).isEqualTo("b1");
            assertThat(applied.get("r2").policyDigest()).isEqualTo("sha256:A");
            assertThat(applied.get("r3").policyDigest()).isEqualTo("sha256:A");
            assertThat(applied.get("r4").kind()).isEqualTo("remediation");
            assertThat(applied.get("r1").policyRevision()).isEqualTo("c0ffee");

            // the provisional outcome is replaced by the final one: now B counts for r3
            store.recordRouter("b1", router("r3", "APPLIED"));
            assertThat(store.appliedRevisions().stream()
                            .filter(r -> r.router().equals("r3"))
                            .findFirst()
                            .orElseThrow()
                            .policyDigest())
                    .isEqualTo("sha256:B");

            // b1 and p1 never finished; only b1 changes routers; a run older than the window is ignored
            assertThat(store.openRuns(T0.minusSeconds(1)))
                    .extracting(OpenRun::id)
                    .containsExactly("b1");
            assertThat(store.openRuns(T0.plus(Duration.ofMinutes(5)))).isEmpty();
            store.finishRun("b1", T0.plusSeconds(70), 1, null);
            assertThat(store.openRuns(T0.minusSeconds(1))).isEmpty();
        } finally {
            b.drop(s);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void migratesFromEmptyAndReRunsWithoutChange(Backend b) {
        DbSettings s = b.fresh(tmp);
        try {
            StoreOpener.open(s).close();
            StoreOpener.open(s).close();
            try (RunStore store = StoreOpener.open(s)) {
                store.recordPolicy(new PolicySnapshot("sha256:x", null, T0, Map.of("p.yaml", "x")));
                assertThat(store.policy("sha256:x")).isPresent();
            }
            int files = new java.io.File("src/main/resources/db/migration").list((d, n) -> n.endsWith(".sql")).length;
            assertThat(RunStoreContractTest.count(
                            s, "SELECT COUNT(*) FROM flyway_schema_history WHERE success AND type = 'SQL'"))
                    .isEqualTo(files);
            assertThat(RunStoreContractTest.count(s, "SELECT COUNT(*) FROM pcl_policy_revision"))
                    .isEqualTo(1);
        } finally {
            b.drop(s);
        }
    }

    @Test
    void captureKeepsOnlyPolicyDocumentsWithinLimitsAndRebuildsTheDirectory() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("policy"));
        Files.writeString(dir.resolve("main.yaml"), "a: 1\n");
        Files.writeString(dir.resolve("README.md"), "not policy");
        Files.writeString(dir.resolve(".env"), "TOKEN=secret");
        PolicySnapshot snap = PolicySnapshot.capture(dir, "sha256:d", null);
        assertThat(snap.documents()).containsOnlyKeys("main.yaml");
        Path rebuilt = snap.writeTo(tmp.resolve("rebuilt"));
        assertThat(Files.readString(rebuilt.resolve("main.yaml"))).isEqualTo("a: 1\n");

        PolicySnapshot single = PolicySnapshot.capture(dir.resolve("main.yaml"), "sha256:d", null);
        assertThat(single.documents()).containsOnlyKeys("main.yaml");

        Files.writeString(dir.resolve("big.json"), "x".repeat(PolicySnapshot.MAX_CHARS));
        assertThatThrownBy(() -> PolicySnapshot.capture(dir, "sha256:d", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("larger than");
        Files.delete(dir.resolve("big.json"));
        for (int i = 0; i < PolicySnapshot.MAX_FILES; i++) {
            Files.writeString(dir.resolve("p" + i + ".yml"), "b: 1\n");
        }
        assertThatThrownBy(() -> PolicySnapshot.capture(dir, "sha256:d", null))
                .hasMessageContaining("more than the 16");
        assertThatThrownBy(() -> new PolicySnapshot("sha256:e", null, null, Map.of("../escape.yaml", "x"))
                        .writeTo(tmp.resolve("w")))
                .hasMessageContaining("unexpected file name");
        assertThatThrownBy(() -> PolicySnapshot.capture(tmp.resolve("missing"), "sha256:d", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
