package io.portcullis.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.engine.Engine;
import io.portcullis.engine.VerifierProver;
import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.apply.Journal;
import io.portcullis.engine.apply.Recovery;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.report.EngineJson;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.targets.Target;
import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.netconf.ClientSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead journal and recover after a crashed revert run (D.1 #3), on a lab fleet over SSH. */
@Tag("lab")
class RecoverLabTest {
    @TempDir
    Path journal;

    private ApplyOptions revert() {
        return LabFleetEngineTest.opts(1).withOnFailure(ApplyOptions.FailurePolicy.REVERT, journal);
    }

    private static NetconfConnector connector(LabFleetEngineTest.Lab lab) {
        return new NetconfConnector(
                ClientSettings.defaults(),
                Map.of(LabFleet.DEFAULT_PASSWORD_ENV, lab.fleet().password())::get);
    }

    private static Engine engine(io.portcullis.engine.router.RouterConnector c) {
        return new Engine(EngineContext.standard(c, new VerifierProver()), "test");
    }

    private Recovery.Result recover(LabFleetEngineTest.Lab lab, Recovery.Mode mode) throws Exception {
        return new Recovery(lab.engine().context(), new Journal(journal), revert()).recover(lab.targets(), mode);
    }

    private static String persistIdOf(Path file) throws Exception {
        String line = Files.readAllLines(file).get(0);
        return EngineJson.MAPPER.readTree(line).get("persistId").asText();
    }

    @Test
    void crashBetweenJournalWriteAndSendIsFoundByRecoverWhichSeesNothingPending() throws Exception {
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(2)) {
            SimDevice xr = lab.fleet().device(1); // iosxr: confirmed-commit 1.1
            String before = xr.runningXml();
            RunReport r;
            try (NetconfConnector c = connector(lab)) {
                r = engine(new CrashingConnector(c, CrashingConnector.Point.BEFORE_PERSISTENT_COMMIT))
                        .apply(List.of(lab.targets().get(1)), revert(), null, null, null, RunListener.NONE);
            }
            Journal.Scan scan = new Journal(journal).scan();
            assertThat(scan.pending())
                    .singleElement()
                    .satisfies(p -> assertThat(p.record().router()).isEqualTo(xr.name()));
            Path file = scan.pending().get(0).file();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            String token = persistIdOf(file);
            assertThat(token).hasSizeGreaterThan(20);
            assertThat(EngineJson.write(r)).doesNotContain(token);
            assertThat(xr.rpcLog().of("commit")).as("the commit was never sent").isEmpty();
            assertThat(xr.runningXml()).isEqualTo(before);

            Recovery.Result rr = recover(lab, Recovery.Mode.CANCEL);
            assertThat(rr.entries()).singleElement().satisfies(e -> {
                assertThat(e.outcome().state()).as(e.outcome().message()).isEqualTo(OutcomeState.FAILED_NOT_APPLIED);
                assertThat(e.outcome().reason()).isEqualTo("NOT_PENDING");
                assertThat(e.closed()).isTrue();
                assertThat(e.outcome().message()).doesNotContain(token);
            });
            assertThat(rr.success()).isTrue();
            assertThat(new Journal(journal).scan().pending()).as("marked done").isEmpty();
            assertThat(xr.runningXml()).isEqualTo(before);
            assertThat(xr.confirmedCommitPending()).isFalse();
            assertThat(recover(lab, Recovery.Mode.CANCEL).entries())
                    .as("nothing left to recover")
                    .isEmpty();
        }
    }

    /** The run dies inside the persistent commit's window and its connections close: the router keeps the commit pending. */
    private Path crashInsideTheWindow(LabFleetEngineTest.Lab lab, Target t) throws Exception {
        try (NetconfConnector c = connector(lab)) {
            Engine crashing = engine(new CrashingConnector(c, CrashingConnector.Point.BEFORE_PERSISTENT_CONFIRM));
            assertThatThrownBy(() -> crashing.apply(List.of(t), revert(), null, null, null, RunListener.NONE))
                    .isInstanceOf(CrashingConnector.SimulatedCrash.class);
        } // abandoned: every session of the "dead" orchestrator closes here
        return new Journal(journal).scan().pending().get(0).file();
    }

    @Test
    void orchestratorDiesInsideThePersistentWindowThenRecoverConfirmsByPersistIdAfterProving() throws Exception {
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(2)) {
            SimDevice xr = lab.fleet().device(1);
            Path file = crashInsideTheWindow(
                    lab, RevertPolicyLabTest.withConfirmTimeout(lab.targets().get(1), 4));
            assertThat(xr.confirmedCommitPending())
                    .as("persist: the commit outlives the sessions")
                    .isTrue();
            assertThat(xr.runningXml()).contains("PORTCULLIS-");

            Recovery.Result rr = recover(lab, Recovery.Mode.CONFIRM);
            assertThat(rr.entries()).singleElement().satisfies(e -> {
                assertThat(e.outcome().state()).as(e.outcome().message()).isEqualTo(OutcomeState.APPLIED);
                assertThat(e.closed()).isTrue();
            });
            assertThat(rr.success()).isTrue();
            String token = persistIdOf(file);
            assertThat(xr.rpcLog()
                            .of("commit")
                            .get(xr.rpcLog().of("commit").size() - 1)
                            .payload())
                    .contains("<persist-id>" + token + "</persist-id>")
                    .doesNotContain("<confirmed");
            Thread.sleep(4_500); // past the 4 s window: confirmed, so it stays
            assertThat(xr.confirmedCommitPending()).isFalse();
            assertThat(xr.runningXml()).contains("PORTCULLIS-");
            assertThat(xr.startupXml())
                    .as("saved to startup after the confirm, as apply does")
                    .contains("PORTCULLIS-");
            assertThat(new Journal(journal).scan().pending()).isEmpty();
        }
    }

    @Test
    void orchestratorDiesInsideThePersistentWindowThenRecoverCancelsByPersistId() throws Exception {
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(2)) {
            SimDevice xr = lab.fleet().device(1);
            String before = xr.runningXml();
            crashInsideTheWindow(lab, lab.targets().get(1));
            assertThat(xr.confirmedCommitPending()).isTrue();

            Recovery.Result rr = recover(lab, Recovery.Mode.CANCEL);
            assertThat(rr.entries()).singleElement().satisfies(e -> {
                assertThat(e.outcome().state()).as(e.outcome().message()).isEqualTo(OutcomeState.FAILED_ROLLED_BACK);
                assertThat(e.outcome().reason()).isEqualTo("RECOVERED_CANCELLED");
            });
            assertThat(xr.runningXml()).isEqualTo(before);
            assertThat(xr.confirmedCommitPending()).isFalse();
            assertThat(xr.rpcLog().of("cancel-commit")).singleElement().satisfies(e -> assertThat(e.payload())
                    .contains("<persist-id>"));
            assertThat(new Journal(journal).scan().pending()).isEmpty();
        }
    }

    /** Issue 13: a journal whose persist-id the router refuses used to be reported APPLIED (ALREADY_CONFIRMED) and closed. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(Recovery.Mode.class)
    void aPersistIdTheRouterRefusesIsNeverReportedConfirmedAndItsEntryStaysOpen(Recovery.Mode mode) throws Exception {
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(2)) {
            SimDevice xr = lab.fleet().device(1);
            Path file = crashInsideTheWindow(lab, lab.targets().get(1));
            String token = persistIdOf(file);
            Files.writeString(file, Files.readString(file).replace(token, "pcl-wrong-" + token.substring(10)));
            assertThat(xr.confirmedCommitPending()).isTrue();

            Recovery.Result rr = recover(lab, mode);
            assertThat(rr.entries()).singleElement().satisfies(e -> {
                assertThat(e.outcome().state()).as(e.outcome().message()).isNotEqualTo(OutcomeState.APPLIED);
                assertThat(e.outcome().reason()).isNotEqualTo("ALREADY_CONFIRMED");
                assertThat(e.outcome().message()).contains("persist-id").doesNotContain("had been confirmed");
                assertThat(e.closed()).as("entry left open").isFalse();
            });
            assertThat(rr.success()).isFalse();
            assertThat(xr.confirmedCommitPending())
                    .as("the real commit is still pending")
                    .isTrue();
            assertThat(new Journal(journal).scan().pending()).hasSize(1);
        }
    }

    @Test
    void anUnwritableJournalRefusesTheRunBeforeAnyRouterIsTouched() throws Exception {
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(2)) {
            Path notADir = Files.writeString(journal.resolve("occupied"), "x");
            ApplyOptions o = LabFleetEngineTest.opts(1).withOnFailure(ApplyOptions.FailurePolicy.REVERT, notADir);
            assertThatThrownBy(() -> lab.engine().apply(lab.targets(), o, null, null, null, RunListener.NONE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("journal")
                    .hasMessageContaining("nothing was applied");
            for (SimDevice d : lab.fleet().devices()) {
                assertThat(d.rpcLog().size()).as(d.name() + " untouched").isZero();
                assertThat(d.runningXml()).doesNotContain("PORTCULLIS-");
            }
        }
    }

    @Test
    void corruptAndTruncatedJournalLinesAreNamedAndTheOtherEntriesStillRecovered() throws Exception {
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(2)) {
            SimDevice xr = lab.fleet().device(1);
            String before = xr.runningXml();
            Path file = crashInsideTheWindow(lab, lab.targets().get(1));
            List<String> lines = Files.readAllLines(file);
            String token = persistIdOf(file);
            // a garbage line before the good entry, and a record cut off mid-write at the end
            Files.writeString(
                    file,
                    "{\"type\":\"PENDING\",\"run\":42,,\n" + String.join("\n", lines)
                            + "\n{\"type\":\"CONFIRMED\",\"ru");
            Path other =
                    Files.writeString(journal.resolve("0-other.journal"), "not json at all\n{\"type\":\"PENDING\"}\n");

            Recovery.Result rr = recover(lab, Recovery.Mode.CANCEL);
            assertThat(rr.problems())
                    .extracting(Journal.Problem::describe)
                    .containsExactlyInAnyOrder(
                            other + ":1: not a JSON journal record; skipped",
                            other + ":2: it lacks type, run or router; skipped",
                            file + ":1: not a JSON journal record; skipped",
                            file + ":" + (lines.size() + 2) + ": truncated or not a JSON journal record; skipped");
            assertThat(rr.entries())
                    .singleElement()
                    .satisfies(e -> assertThat(e.outcome().state()).isEqualTo(OutcomeState.FAILED_ROLLED_BACK));
            assertThat(rr.success()).as("bad lines make recover fail").isFalse();
            assertThat(xr.runningXml()).isEqualTo(before);
            assertThat(rr.problems().toString() + rr.entries()).doesNotContain(token);
        }
    }
}
