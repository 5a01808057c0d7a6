package io.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.engine.fake.TestTargets;
import io.portcullis.engine.plan.PlanFile;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.report.JUnitReport;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.intent.Action;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutAndPlanTest {
    @TempDir
    Path tmp;

    @Test
    void router3Of10FailsSoTheRolloutHaltsAndRouters4To10AreUntouched() {
        FakeFleet f = new FakeFleet(10);
        f.router(3).failValidate = true;
        RunReport r = f.apply(FakeFleet.opts().withRollout(0, 0, 1, 0));
        assertThat(r.routers())
                .extracting(RouterOutcome::state)
                .containsExactly(
                        OutcomeState.APPLIED,
                        OutcomeState.APPLIED,
                        OutcomeState.FAILED_NOT_APPLIED,
                        OutcomeState.NOT_CONTACTED,
                        OutcomeState.NOT_CONTACTED,
                        OutcomeState.NOT_CONTACTED,
                        OutcomeState.NOT_CONTACTED,
                        OutcomeState.NOT_CONTACTED,
                        OutcomeState.NOT_CONTACTED,
                        OutcomeState.NOT_CONTACTED);
        assertThat(r.success()).isFalse();
        assertThat(r.haltedBecause()).contains("max-failures");
        for (int i = 1; i <= 2; i++) {
            assertThat(f.router(i).running().filters())
                    .isEqualTo(f.targets.get(i - 1).intent().filters());
        }
        assertThat(f.router(3).running().filters()).isEmpty();
        for (int i = 4; i <= 10; i++) {
            assertThat(f.router(i).rpcLog).as("r" + i + " never contacted").isEmpty();
        }
        String junit = JUnitReport.render(r);
        assertThat(junit)
                .contains("tests=\"10\" failures=\"1\" errors=\"0\" skipped=\"7\"")
                .contains("VALIDATE_FAILED");
    }

    @Test
    void aFailedCanaryHaltsTheRolloutEvenWithFailuresAllowed() {
        FakeFleet f = new FakeFleet(6);
        f.router(1).failValidate = true;
        RunReport r = f.apply(FakeFleet.opts().withRollout(1, 2, 2, 5));
        assertThat(r.haltedBecause()).contains("canary r1");
        for (int i = 2; i <= 6; i++) {
            assertThat(f.router(i).rpcLog).isEmpty();
        }
    }

    @Test
    void wavesInParallelApplyEverythingAndTolerateFailuresUpToTheLimit() {
        FakeFleet f = new FakeFleet(12);
        f.router(5).failValidate = true;
        RunReport r = f.apply(FakeFleet.opts().withRollout(1, 4, 4, 1));
        assertThat(r.haltedBecause()).isNull();
        assertThat(r.counts())
                .containsEntry(OutcomeState.APPLIED, 11)
                .containsEntry(OutcomeState.FAILED_NOT_APPLIED, 1);
    }

    @Test
    void planIsReadOnlyAndClassifiesFreshInSyncChangedAndUnreachable() {
        FakeFleet f = new FakeFleet(4);
        f.router(2).setRunning(f.targets.get(1).intent());
        List<Term> t = new ArrayList<>(TestTargets.seedTerms());
        t.set(1, TestTargets.term("block-smtp", 20, Protocol.TCP, List.of(25, 465, 2525), Action.DISCARD));
        f.router(3).setRunning(TestTargets.intent("r3", t));
        f.router(4).unreachable = true;

        List<RouterPlan> plans = f.engine.plan(f.targets, 4);
        assertThat(plans)
                .extracting(RouterPlan::status)
                .containsExactly(
                        RouterPlan.Status.CHANGES,
                        RouterPlan.Status.IN_SYNC,
                        RouterPlan.Status.CHANGES,
                        RouterPlan.Status.ERROR);
        assertThat(plans.get(2).changes().fates().get(0).describe())
                .isEqualTo("TCP/587 toward subscribers (ipv4): forwarded → dropped");
        assertThat(plans.get(3).errorKind()).isEqualTo("connection refused");
        assertThat(Engine.exitCode(plans)).isEqualTo(1);
        assertThat(Engine.exitCode(plans.subList(0, 3))).isEqualTo(2);
        assertThat(Engine.exitCode(plans.subList(1, 2))).isEqualTo(0);
        for (int i = 1; i <= 4; i++) {
            assertThat(f.router(i).rpcLog)
                    .doesNotContain("lock", "edit-config", "commit", "commit-confirmed", "discard-changes", "unlock");
        }
    }

    @Test
    void aSavedPlanAppliesExactlyAndRefusesRoutersThatChangedSince() throws Exception {
        FakeFleet f = new FakeFleet(3);
        PlanFile plan = f.engine.planFile("sha256:p", f.engine.plan(f.targets, 2));
        Path file = tmp.resolve("plan.json");
        plan.write(file);
        PlanFile loaded = PlanFile.read(file);
        assertThat(loaded.routers()).hasSize(3);
        assertThat(loaded.routers().get(0).stateDigest()).startsWith("sha256:");

        // someone changes r2 out of band after the plan was reviewed
        f.router(2)
                .setRunning(TestTargets.intent(
                        "r2", List.of(TestTargets.term("x", 1, Protocol.TCP, List.of(1), Action.ACCEPT))));
        f.router(2).rpcLog.clear();
        RunReport r = f.engine.apply(
                f.targets,
                FakeFleet.opts().withRollout(0, 0, 1, 5),
                loaded,
                "sha256:p",
                file.toString(),
                RunListener.NONE);
        assertThat(r.routers())
                .extracting(RouterOutcome::state)
                .containsExactly(OutcomeState.APPLIED, OutcomeState.FAILED_NOT_APPLIED, OutcomeState.APPLIED);
        assertThat(r.routers().get(1).reason()).isEqualTo("STALE_PLAN");
        assertThat(f.router(2).writes()).isEmpty();
        assertThat(f.router(2).running().filters().get(0).terms())
                .extracting(Term::name)
                .containsExactly("x");

        assertThatThrownBy(() ->
                        f.engine.apply(f.targets, FakeFleet.opts(), loaded, "sha256:other", null, RunListener.NONE))
                .hasMessageContaining("policy changed since the plan");
        r.write(tmp.resolve("report.json"));
        com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(tmp.resolve("report.json").toFile());
        assertThat(report.get("format").asText()).isEqualTo(RunReport.FORMAT);
        assertThat(report.get("routers")).hasSize(3);
    }
}
