package io.portcullis.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.engine.Engine;
import io.portcullis.engine.memory.RouterGuard;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.engine.targets.Target;
import io.portcullis.inventory.Device;
import io.portcullis.lab.device.SimDevice;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 5 in one JVM (API calls, remediation and a run's own parallel routers share it): two runs, or two
 * inventory names of one router in one run, never meet in its candidate; the later one waits, or is refused with
 * "another Portcullis run holds this router (run id, actor)". Nobody is told about foreign changes.
 */
@Tag("lab")
class RouterLockLabTest {

    @Test
    void twoInventoryNamesForOneRouterInOneRunAreAppliedOneAfterTheOther() throws Exception {
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(1)) {
            SimDevice d = lab.fleet().device(0);
            d.faults()
                    .delay(
                            "commit",
                            Duration.ofMillis(
                                    700)); // the first transaction is still in its window when the second starts
            Target t = lab.targets().get(0);
            Target alias = renamed(t, "alias-of-" + t.name());
            RunReport r = lab.engine()
                    .apply(List.of(t, alias), LabFleetEngineTest.opts(2), null, null, null, RunListener.NONE);
            assertThat(r.routers())
                    .as(r.routers().toString())
                    .extracting(RouterOutcome::reason)
                    .doesNotContain("FOREIGN_UNCOMMITTED_CHANGES", "LOCKED_BY", "ROUTER_BUSY");
            assertThat(r.routers())
                    .extracting(RouterOutcome::state)
                    .containsExactlyInAnyOrder(OutcomeState.APPLIED, OutcomeState.NO_CHANGE);
        }
    }

    @Test
    void aSecondRunWaitsForTheRouterOrIsRefusedNamingTheRunThatHoldsIt() throws Exception {
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(1)) {
            SimDevice d = lab.fleet().device(0);
            d.faults().delay("commit", Duration.ofSeconds(2));
            Engine alice = lab.engine().withGuard(RouterGuard.inProcess().as("alice"));
            Engine bob =
                    lab.engine().withGuard(RouterGuard.inProcess().as("bob").waitingAtMost(Duration.ofMillis(300)));
            Engine carol = lab.engine().withGuard(RouterGuard.inProcess().as("carol"));
            CompletableFuture<RunReport> first = CompletableFuture.supplyAsync(() -> alice.apply(
                    "run-alice", lab.targets(), LabFleetEngineTest.opts(1), null, null, null, RunListener.NONE));
            long until = System.currentTimeMillis() + 30_000;
            while (d.rpcLog().of("lock").isEmpty() && System.currentTimeMillis() < until) {
                Thread.sleep(20); // alice holds the router now
            }
            CompletableFuture<RunReport> waiting = CompletableFuture.supplyAsync(() -> carol.apply(
                    "run-carol", lab.targets(), LabFleetEngineTest.opts(1), null, null, null, RunListener.NONE));
            RouterOutcome refused = bob.apply(
                            "run-bob", lab.targets(), LabFleetEngineTest.opts(1), null, null, null, RunListener.NONE)
                    .routers()
                    .get(0);
            assertThat(refused.state()).isEqualTo(OutcomeState.FAILED_NOT_APPLIED);
            assertThat(refused.reason()).isEqualTo("ROUTER_BUSY");
            assertThat(refused.message())
                    .contains("another Portcullis run holds this router ("
                            + t(lab).device().hostname().toLowerCase() + ":"
                            + t(lab).device().port() + ": run run-alice, actor alice)");
            RouterOutcome applied = first.get().routers().get(0);
            RouterOutcome waited = waiting.get().routers().get(0);
            assertThat(applied.state()).as(applied.message()).isEqualTo(OutcomeState.APPLIED);
            assertThat(waited.state())
                    .as("carol waited, then found the policy in place: " + waited.message())
                    .isEqualTo(OutcomeState.NO_CHANGE);
        }
    }

    private static Target t(LabFleetEngineTest.Lab lab) {
        return lab.targets().get(0);
    }

    /** The same router under another inventory name (same address and port). */
    static Target renamed(Target t, String name) {
        Device d = t.device();
        Device alias = new Device(
                name,
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
                d.settings());
        return new Target(alias, t.intent(), t.promise());
    }
}
