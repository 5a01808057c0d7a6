package io.portcullis.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.compile.CompiledRouter;
import io.portcullis.engine.Engine;
import io.portcullis.engine.VerifierProver;
import io.portcullis.engine.Workspace;
import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.memory.Quirk;
import io.portcullis.engine.memory.RouterGuard;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.router.Datastore;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.router.RouterConnector;
import io.portcullis.engine.router.RouterException;
import io.portcullis.engine.router.RouterSession;
import io.portcullis.engine.targets.Target;
import io.portcullis.netconf.ClientSettings;
import io.portcullis.testing.NetconfdServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 13 item 1 on the real yuma123 netconfd with NO inventory tuning (no {@code validate: false}): the first apply
 * finds that {@code <validate>} lost the edits (the commit committed nothing), makes them again without it and ends
 * APPLIED with the workaround named; the quirk is remembered in {@code guard}'s memory, so the second apply sends no
 * validate at all. Shared by the in-process and the database-backed tests.
 */
final class NetconfdValidateQuirkTest {
    private NetconfdValidateQuirkTest() {}

    static void applyTwiceWithoutInventoryTuning(RouterGuard guard) throws Exception {
        NetconfdServer.require();
        Path inventory = untunedInventory(NetconfdServer.stateDir().resolve("inventory"));
        Workspace w = Workspace.load(Path.of("policy"), inventory, null, LocalDate.now());
        assertThat(w.hasErrors()).as(w.summary() + w.diagnostics()).isFalse();
        CompiledRouter c = w.compileAll().get(0);
        Target target = Target.of(c);
        assertThat(target.device().validateCandidate())
                .as("no validate: false anywhere in this inventory")
                .isTrue();
        ApplyOptions opts = ApplyOptions.defaults().withConfirmTimeout(60).withLock(3, Duration.ofMillis(300));
        try (NetconfConnector connector = new NetconfConnector(ClientSettings.defaults(), System::getenv)) {
            NetconfdEndToEndTest.ensureInterface(connector, target);
            removeAcls(connector, target);
            AtomicInteger validates = new AtomicInteger();
            RouterConnector counting =
                    FaultOutcomeLabTest.afterCall(connector, target.name(), "validate", validates::incrementAndGet);
            Engine engine = new Engine(
                    EngineContext.standard(counting, new VerifierProver()).withGuard(guard), "test");

            RouterOutcome first = engine.apply(List.of(target), opts, null, null, null, RunListener.NONE)
                    .routers()
                    .get(0);
            assertThat(first.state())
                    .as(first.reason() + ": " + first.message())
                    .isEqualTo(OutcomeState.APPLIED);
            assertThat(first.workarounds()).containsExactly(RouterOutcome.VALIDATE_SKIPPED);
            assertThat(first.message()).contains("warning: <validate> lost the pending edits");
            assertThat(validates.get()).isEqualTo(1);
            assertThat(guard.memory().quirks(target.name())).containsExactly(Quirk.VALIDATE_LOSES_EDITS);
            assertThat(engine.plan(List.of(target), 1).get(0).status())
                    .as("running holds the policy")
                    .isEqualTo(RouterPlan.Status.IN_SYNC);

            removeAcls(connector, target);
            RouterOutcome second = engine.apply(List.of(target), opts, null, null, null, RunListener.NONE)
                    .routers()
                    .get(0);
            assertThat(second.state())
                    .as(second.reason() + ": " + second.message())
                    .isEqualTo(OutcomeState.APPLIED);
            assertThat(second.message()).contains("remembered from an earlier run");
            assertThat(validates.get()).as("the second run skipped validate").isEqualTo(1);
            assertThat(engine.plan(List.of(target), 1).get(0).status()).isEqualTo(RouterPlan.Status.IN_SYNC);
        }
    }

    /** The script's inventory with its groups defined, and nothing tuned for netconfd. */
    private static Path untunedInventory(Path dir) throws java.io.IOException {
        Path tmp = Files.createTempDirectory("netconfd-untuned");
        for (String f : List.of("hosts.yaml", "defaults.yaml")) {
            if (Files.exists(dir.resolve(f))) {
                assertThat(Files.readString(dir.resolve(f))).doesNotContain("validate");
                Files.copy(dir.resolve(f), tmp.resolve(f));
            }
        }
        Files.writeString(tmp.resolve("groups.yaml"), "lab: {}\nnetconfd: {}\n");
        return tmp;
    }

    /** Start from a router without ACL configuration (netconfd may answer data-missing when there is none). */
    private static void removeAcls(NetconfConnector connector, Target target) {
        try (RouterSession s = connector.open(target.device())) {
            try {
                s.editConfig(
                        Datastore.CANDIDATE,
                        "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">"
                                + "<acl xmlns=\"http://openconfig.net/yang/acl\" xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\""
                                + " nc:operation=\"remove\"/></config>");
                s.commit();
            } catch (RouterException nothingToRemove) {
                s.discardChanges();
            }
        }
    }
}
