package io.portcullis.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.compile.CompiledRouter;
import io.portcullis.engine.Engine;
import io.portcullis.engine.VerifierProver;
import io.portcullis.engine.Workspace;
import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.apply.Journal;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.engine.router.Datastore;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.router.RouterException;
import io.portcullis.engine.router.RouterSession;
import io.portcullis.engine.targets.Target;
import io.portcullis.inventory.Device;
import io.portcullis.netconf.ClientSettings;
import io.portcullis.testing.NetconfdServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apply --on-failure revert on the real yuma123 netconfd: persistent commit held, then confirmed or cancelled by persist-id. */
@Tag("netconfd")
class NetconfdRevertApplyTest {
    @TempDir
    Path journal;

    private record Setup(NetconfConnector connector, Engine engine, Target target) {}

    private Setup setup() throws Exception {
        NetconfdServer.require();
        Path inventory = NetconfdEndToEndTest.inventoryWithGroups(
                NetconfdServer.stateDir().resolve("inventory"));
        Workspace w = Workspace.load(Path.of("policy"), inventory, null, LocalDate.now());
        assertThat(w.hasErrors()).as(w.summary() + w.diagnostics()).isFalse();
        CompiledRouter c = w.compileAll().get(0);
        Target t = RevertPolicyLabTest.withConfirmTimeout(Target.of(c), 3);
        NetconfConnector connector = new NetconfConnector(ClientSettings.defaults(), System::getenv);
        NetconfdEndToEndTest.ensureInterface(connector, t);
        String resetError = null;
        try (RouterSession s = connector.open(t.device())) {
            try {
                s.editConfig(
                        Datastore.CANDIDATE,
                        "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">"
                                + "<acl xmlns=\"http://openconfig.net/yang/acl\" xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\""
                                + " nc:operation=\"remove\"/></config>");
                s.commit();
            } catch (RouterException nothingToRemove) {
                resetError = nothingToRemove.getMessage();
                s.discardChanges();
            }
        }
        Engine engine = new Engine(EngineContext.standard(connector, new VerifierProver()), "test");
        assertThat(engine.plan(List.of(t), 1))
                .as("netconfd starts without the policy (reset: " + resetError + ")")
                .extracting(RouterPlan::status)
                .containsExactly(RouterPlan.Status.CHANGES);
        return new Setup(connector, engine, t);
    }

    private ApplyOptions revert() {
        return ApplyOptions.defaults()
                .withConfirmTimeout(3)
                .withLock(1, Duration.ofMillis(100))
                .withRollout(0, 0, 1, 0)
                .withOnFailure(ApplyOptions.FailurePolicy.REVERT, journal);
    }

    @Test
    void aProvenRunIsConfirmedByPersistIdAndStaysPastTheWindow() throws Exception {
        Setup s = setup();
        try (NetconfConnector c = s.connector()) {
            RunReport r = s.engine().apply(List.of(s.target()), revert(), null, null, null, RunListener.NONE);
            assertThat(r.routers())
                    .singleElement()
                    .satisfies(o -> assertThat(o.state()).as(o.message()).isEqualTo(OutcomeState.APPLIED));
            Thread.sleep(5_000); // idle past the 3 s window (netconfd's timer runs only while idle)
            assertThat(s.engine().plan(List.of(s.target()), 1))
                    .extracting(RouterPlan::status)
                    .containsExactly(RouterPlan.Status.IN_SYNC);
            assertThat(new Journal(journal).scan().pending()).isEmpty();
        }
    }

    @Test
    void aFailureLaterInTheRunCancelsTheHeldRouterByPersistId() throws Exception {
        Setup s = setup();
        Device d = s.target().device();
        // the same server under a second name with another change to make: its lock is refused (in-use) while our
        // persistent commit is pending, so the run fails after the first router was held
        Target other = RevertPolicyLabTest.withoutPort587(s.target());
        Target twin = new Target(
                new Device(
                        d.name() + "-twin",
                        d.hostname(),
                        d.port(),
                        d.platform(),
                        d.groups(),
                        d.interfaces(),
                        d.profiles(),
                        d.credentials(),
                        d.knownHosts(),
                        d.hostKeyChecking(),
                        d.chainForeign(),
                        d.algorithmExceptions(),
                        d.settings()),
                other.intent(),
                other.promise());
        try (NetconfConnector c = s.connector()) {
            RunReport r = s.engine().apply(List.of(s.target(), twin), revert(), null, null, null, RunListener.NONE);
            RouterOutcome held = r.routers().get(0);
            assertThat(held.state()).as(held.message()).isEqualTo(OutcomeState.FAILED_ROLLED_BACK);
            assertThat(held.message()).contains("cancelled because " + twin.name());
            assertThat(r.routers().get(1).state())
                    .as(r.routers().get(1).message())
                    .isEqualTo(OutcomeState.FAILED_NOT_APPLIED);
            assertThat(s.engine().plan(List.of(s.target()), 1))
                    .extracting(RouterPlan::status)
                    .containsExactly(RouterPlan.Status.CHANGES);
            assertThat(new Journal(journal).scan().pending()).isEmpty();
        }
    }
}
