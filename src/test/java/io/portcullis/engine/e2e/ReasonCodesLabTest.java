package io.portcullis.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.engine.Engine;
import io.portcullis.engine.VerifierProver;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.targets.Target;
import io.portcullis.inventory.Device;
import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.RpcLogEntry;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.netconf.ClientSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 5: the reason code says what happened. A wrong password is AUTH_FAILED (it was reported UNREACHABLE,
 * sending the operator to the network instead of the vault); a connection that drops in the middle of the edit is
 * SESSION_LOST, reconciled by reading the router back on a new session (it was EDIT_REJECTED, blaming the router for
 * refusing a configuration it never saw).
 */
@Tag("lab")
class ReasonCodesLabTest {

    @Test
    void aConnectionDroppedMidEditIsSessionLostThenReconciledNeverEditRejected() throws Exception {
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(2)) {
            SimDevice dropped = lab.fleet().device(0);
            String before = dropped.runningXml();
            dropped.faults().dropConnectionOn("edit-config");
            RunReport r =
                    lab.engine().apply(lab.targets(), LabFleetEngineTest.opts(2), null, null, null, RunListener.NONE);

            RouterOutcome o = r.routers().get(0);
            assertThat(o.reason()).as(o.message()).isEqualTo("SESSION_LOST");
            assertThat(o.state()).as(o.message()).isEqualTo(OutcomeState.FAILED_NOT_APPLIED);
            assertThat(o.message())
                    .contains("lost during the edit")
                    .contains("read back on a new session")
                    .contains("still holds its previous configuration")
                    .contains("nothing was committed")
                    .doesNotContain("rejected");
            assertThat(dropped.runningXml()).isEqualTo(before);
            // reconciled: after the edit-config that killed the session, running was read on another session; no commit
            List<RpcLogEntry> log = dropped.rpcLog().entries();
            int edit = log.stream().map(RpcLogEntry::operation).toList().lastIndexOf("edit-config");
            assertThat(log.subList(edit + 1, log.size()))
                    .as(dropped.rpcLog().toString())
                    .anySatisfy(e -> {
                        assertThat(e.operation()).isEqualTo("get-config");
                        assertThat(e.sessionId()).isNotEqualTo(log.get(edit).sessionId());
                    });
            assertThat(dropped.rpcLog().operations()).doesNotContain("commit");
            assertThat(r.routers().get(1).state()).isEqualTo(OutcomeState.APPLIED);

            // nothing was left behind: the next apply goes through
            RunReport again = lab.engine()
                    .apply(lab.targets().subList(0, 1), LabFleetEngineTest.opts(1), null, null, null, RunListener.NONE);
            assertThat(again.routers())
                    .singleElement()
                    .satisfies(a -> assertThat(a.state()).as(a.message()).isEqualTo(OutcomeState.APPLIED));
        }
    }

    @Test
    void aWrongPasswordIsAuthFailedNotUnreachable() throws Exception {
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(1);
                NetconfConnector wrong = new NetconfConnector(
                        ClientSettings.defaults(), Map.of(LabFleet.DEFAULT_PASSWORD_ENV, "not-the-password")::get)) {
            Engine engine = new Engine(EngineContext.standard(wrong, new VerifierProver()), "test");
            RunReport r = engine.apply(lab.targets(), LabFleetEngineTest.opts(1), null, null, null, RunListener.NONE);
            assertThat(r.routers()).singleElement().satisfies(o -> {
                assertThat(o.reason()).as(o.message()).isEqualTo("AUTH_FAILED");
                assertThat(o.state()).isEqualTo(OutcomeState.FAILED_NOT_APPLIED);
                assertThat(o.message()).doesNotContain("not-the-password");
            });
            assertThat(lab.fleet().device(0).rpcLog().size())
                    .as("no RPC without a session")
                    .isZero();
        }
    }

    /**
     * The inventory's {@code timeout:} bounds every RPC reply of that router, not only the handshake (RouterTimeoutTest):
     * a router answering its read in 8 s under {@code timeout: 2} is a TIMEOUT within seconds (it was applied after 102 s).
     */
    @Test
    void theInventoryTimeoutBoundsEachRpcReply() throws Exception {
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(1)) {
            SimDevice slow = lab.fleet().device(0);
            slow.faults().delay("get-config", Duration.ofSeconds(8));
            Target t = lab.targets().get(0);
            Device d = t.device();
            Map<String, String> settings = new HashMap<>(d.settings());
            settings.put("timeout", "2");
            Target bounded = new Target(
                    new Device(
                            d.name(),
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
                            settings),
                    t.intent(),
                    t.promise());
            assertThat(bounded.device().rpcTimeout()).contains(Duration.ofSeconds(2));
            long t0 = System.nanoTime();
            RunReport r = lab.engine()
                    .apply(List.of(bounded), LabFleetEngineTest.opts(1), null, null, null, RunListener.NONE);
            long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
            assertThat(r.routers()).singleElement().satisfies(o -> {
                assertThat(o.reason())
                        .as(o.message())
                        .isEqualTo("UNREACHABLE"); // TIMEOUT is reported with the unreachable ones
                assertThat(o.message()).contains("no reply within 2");
                assertThat(o.state()).isEqualTo(OutcomeState.FAILED_NOT_APPLIED);
            });
            // one retry on a fresh session (the lost-reply defence): two 2 s waits, never the 8 s reply
            assertThat(seconds).as("bounded by the router's own timeout").isLessThan(8);
            assertThat(slow.rpcLog().operations()).doesNotContain("edit-config", "commit");
        }
    }
}
