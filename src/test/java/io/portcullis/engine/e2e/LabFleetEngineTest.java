package io.portcullis.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.compile.CompiledRouter;
import io.portcullis.engine.Engine;
import io.portcullis.engine.VerifierProver;
import io.portcullis.engine.Workspace;
import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.targets.Target;
import io.portcullis.lab.LabFleet;
import io.portcullis.netconf.ClientSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** plan/apply over SSH against simulated routers of mixed platforms, asserting on each router's RPC log and running config. */
@Tag("lab")
class LabFleetEngineTest {
    private static final String PLATFORMS = "junos,iosxr,sros,openconfig,ietf";

    record Lab(LabFleet fleet, List<Target> targets, NetconfConnector connector, Engine engine)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            connector.close();
            fleet.close();
        }
    }

    static Lab lab(int n) throws Exception {
        return lab(n, ClientSettings.defaults());
    }

    static Lab lab(int n, ClientSettings settings) throws Exception {
        LabFleet fleet =
                LabFleet.builder().devices(n).platforms(PLATFORMS).portBase(0).start();
        Path dir = Files.createTempDirectory("lab-inventory");
        fleet.writeInventory(dir, LabFleet.DEFAULT_PASSWORD_ENV);
        Workspace w = Workspace.load(Path.of("policy"), dir, null, LocalDate.now());
        assertThat(w.hasErrors()).as(w.summary() + w.diagnostics()).isFalse();
        List<Target> targets = w.compileAll().stream()
                .filter(CompiledRouter::inScope)
                .map(Target::of)
                .toList();
        assertThat(targets).hasSize(n);
        NetconfConnector connector =
                new NetconfConnector(settings, Map.of(LabFleet.DEFAULT_PASSWORD_ENV, fleet.password())::get);
        return new Lab(
                fleet, targets, connector, new Engine(EngineContext.standard(connector, new VerifierProver()), "test"));
    }

    static ApplyOptions opts(int parallel) {
        return ApplyOptions.defaults()
                .withConfirmTimeout(30)
                .withRollout(0, 0, parallel, 0)
                .withLock(1, Duration.ofMillis(50))
                .withRevertWait(Duration.ofSeconds(5));
    }

    @Test
    void planIsReadOnlyThenApplyThenSecondApplyIsNoChangeWithoutLockOrEdit() throws Exception {
        try (Lab lab = lab(5)) {
            List<RouterPlan> plan = lab.engine().plan(lab.targets(), 5);
            assertThat(plan).extracting(RouterPlan::status).as(plan.toString()).containsOnly(RouterPlan.Status.CHANGES);
            assertThat(Engine.exitCode(plan)).isEqualTo(2);
            lab.fleet().devices().forEach(d -> assertThat(d.rpcLog().touched())
                    .as(d.name() + " untouched by plan")
                    .isFalse());

            RunReport r = lab.engine().apply(lab.targets(), opts(5), null, null, null, RunListener.NONE);
            assertThat(r.routers())
                    .as(r.routers().toString())
                    .extracting(RouterOutcome::state)
                    .containsOnly(OutcomeState.APPLIED);
            assertThat(lab.engine().plan(lab.targets(), 5))
                    .extracting(RouterPlan::status)
                    .containsOnly(RouterPlan.Status.IN_SYNC);
            assertThat(lab.fleet().device(0).runningXml()).contains("PORTCULLIS-");

            lab.fleet().devices().forEach(d -> d.rpcLog().clear());
            RunReport again = lab.engine().apply(lab.targets(), opts(5), null, null, null, RunListener.NONE);
            assertThat(again.routers()).extracting(RouterOutcome::state).containsOnly(OutcomeState.NO_CHANGE);
            lab.fleet().devices().forEach(d -> assertThat(d.rpcLog().operations())
                    .doesNotContain("edit-config", "lock", "commit"));
        }
    }

    @Test
    void router3Of10FailsValidationRouters1And2StayAppliedAnd4To10AreNeverTouched() throws Exception {
        try (Lab lab = lab(10)) {
            lab.fleet().device(2).faults().failValidate("/acl", "injected validation failure");
            RunReport r = lab.engine().apply(lab.targets(), opts(1), null, null, null, RunListener.NONE);
            assertThat(r.routers().get(0).state()).isEqualTo(OutcomeState.APPLIED);
            assertThat(r.routers().get(1).state()).isEqualTo(OutcomeState.APPLIED);
            assertThat(r.routers().get(2).state()).isEqualTo(OutcomeState.FAILED_NOT_APPLIED);
            // the lab validates at edit-config (test-then-set) as well as on <validate>
            assertThat(r.routers().get(2).reason()).isIn("VALIDATE_FAILED", "EDIT_REJECTED");
            assertThat(r.routers().get(2).message()).contains("injected validation failure");
            for (int i = 3; i < 10; i++) {
                assertThat(r.routers().get(i).state()).isEqualTo(OutcomeState.NOT_CONTACTED);
                assertThat(lab.fleet().device(i).rpcLog().size())
                        .as("router " + (i + 1) + " never contacted")
                        .isZero();
            }
            assertThat(lab.fleet().device(2).runningXml()).doesNotContain("PORTCULLIS-");
            assertThat(lab.fleet().device(2).rpcLog().operations())
                    .contains("discard-changes")
                    .doesNotContain("commit");
            List<RouterPlan> after = lab.engine().plan(lab.targets().subList(0, 2), 2);
            assertThat(after).extracting(RouterPlan::status).containsOnly(RouterPlan.Status.IN_SYNC);
        }
    }

    @Test
    void sessionLossInsideTheConfirmWindowRevertsLostCommitReplyIsReconciledAndLockHeldIsReported() throws Exception {
        try (Lab lab = lab(4)) {
            // RPCs of a fresh apply: get-config, lock, get-config candidate, edit-config, validate, get-config
            // candidate (the
            // proof before any commit), commit confirmed, then the read-back get-config (8th): the session dies inside
            // the
            // confirm window
            lab.fleet().device(0).faults().dropConnectionAtRpc(8);
            lab.fleet().device(1).outOfBandLock();
            lab.fleet().device(3).faults().dropConnectionAfter("commit");
            RunReport r = lab.engine()
                    .apply(lab.targets(), opts(4).withRollout(0, 0, 4, 5), null, null, null, RunListener.NONE);
            RouterOutcome killed = r.routers().get(0);
            assertThat(killed.state()).as(killed.message()).isEqualTo(OutcomeState.FAILED_ROLLED_BACK);
            assertThat(lab.fleet().device(0).rpcLog().operations())
                    .contains("commit")
                    .doesNotContain("cancel-commit");
            assertThat(lab.fleet().device(0).runningXml()).doesNotContain("PORTCULLIS-");
            RouterOutcome locked = r.routers().get(1);
            assertThat(locked.reason()).as(locked.message()).isEqualTo("LOCKED_BY");
            assertThat(lab.fleet().device(1).rpcLog().operations())
                    .doesNotContain("edit-config", "kill-session", "discard-changes");
            assertThat(lab.fleet().device(1).runningXml()).doesNotContain("PORTCULLIS-");
            assertThat(r.routers().get(2).state()).isEqualTo(OutcomeState.APPLIED);
            RouterOutcome lostReply = r.routers().get(3);
            assertThat(lostReply.state()).isEqualTo(OutcomeState.UNKNOWN_RECONCILED);
            assertThat(lostReply.message()).contains("holds its previous configuration");
            assertThat(lab.fleet().device(3).runningXml()).doesNotContain("PORTCULLIS-");
        }
    }
}
