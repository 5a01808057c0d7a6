package io.portcullis.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.portcullis.engine.Engine;
import io.portcullis.engine.VerifierProver;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.engine.router.RouterConnector;
import io.portcullis.engine.router.RouterSession;
import io.portcullis.engine.targets.Target;
import io.portcullis.inventory.Device;
import io.portcullis.lab.device.Malformation;
import io.portcullis.lab.device.SimDevice;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * D.1 #4, #6 and D.2 #17, #19 through the engine (apply over SSH on lab routers): what the operator is told
 * when the router reverts on its own, reboots, desynchronises or cannot roll back, checked against the
 * router's running config read back from the simulator, and that the other router of the run is unharmed.
 */
@Tag("lab")
class FaultOutcomeLabTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);

    /** D.1 #4: the confirm arrives after the device's confirm timer ran out; the device reverted and says so. */
    @Test
    void confirmTimerExpiringBeforeTheConfirmIsReportedRolledBackAndRunningIsThePreImage() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(2)) {
                SimDevice slow = lab.fleet().device(0);
                String before = slow.runningXml();
                slow.faults()
                        .delay(
                                "commit",
                                Duration.ofMillis(2500)); // every commit: the confirm lands 2.5 s after a 1 s window
                List<Target> targets = lab.targets().stream()
                        .map(t -> withConfirmTimeout(t, 1))
                        .toList();
                RunReport r =
                        lab.engine().apply(targets, LabFleetEngineTest.opts(2), null, null, null, RunListener.NONE);
                RouterOutcome o = r.routers().get(0);
                assertThat(o.state()).as(o.reason() + ": " + o.message()).isEqualTo(OutcomeState.FAILED_ROLLED_BACK);
                assertThat(o.message())
                        .contains("no longer holds the proven change", "1 s confirm timer ran out first");
                assertThat(slow.runningXml())
                        .as("running back to the pre-image")
                        .isEqualTo(before)
                        .doesNotContain("PORTCULLIS-");
                assertThat(r.routers().get(1).state()).isEqualTo(OutcomeState.APPLIED);
                assertThat(lab.fleet().device(1).runningXml()).contains("PORTCULLIS-");
            }
        });
    }

    /** D.1 #6: the router reboots inside the confirm window and comes back with the pre-image. */
    @Test
    void rebootInsideTheConfirmWindowIsDetectedAndReportedRolledBackAfterReadBack() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(2)) {
                SimDevice victim = lab.fleet().device(0);
                String before = victim.runningXml();
                RouterConnector rebootAfterConfirmedCommit =
                        afterCall(lab.connector(), victim.name(), "commitConfirmed", victim::reboot);
                Engine engine =
                        new Engine(EngineContext.standard(rebootAfterConfirmedCommit, new VerifierProver()), "test");
                RunReport r =
                        engine.apply(lab.targets(), LabFleetEngineTest.opts(2), null, null, null, RunListener.NONE);
                RouterOutcome o = r.routers().get(0);
                assertThat(o.state()).as(o.reason() + ": " + o.message()).isEqualTo(OutcomeState.FAILED_ROLLED_BACK);
                assertThat(victim.runningXml()).isEqualTo(before);
                assertThat(r.routers().get(1).state()).isEqualTo(OutcomeState.APPLIED);
            }
        });
    }

    /**
     * D.2 #17: the reply to the confirmed commit carries the wrong message-id. The session is closed as desynchronised
     * (which also ends the non-persistent confirmed commit) and the outcome comes from reading the router back.
     */
    @Test
    void wrongMessageIdOnTheCommitReplyIsReconciledByReadBack() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(2)) {
                SimDevice d = lab.fleet().device(0);
                String before = d.runningXml();
                d.faults().malformedReply("commit", Malformation.WRONG_MESSAGE_ID);
                RunReport r = lab.engine()
                        .apply(lab.targets(), LabFleetEngineTest.opts(2), null, null, null, RunListener.NONE);
                RouterOutcome o = r.routers().get(0);
                assertThat(o.state())
                        .as(o.reason() + ": " + o.message())
                        .isIn(OutcomeState.UNKNOWN_RECONCILED, OutcomeState.FAILED_ROLLED_BACK);
                assertThat(o.message())
                        .as("the user is told what the router holds, from a read-back")
                        .containsAnyOf("holds", "read back", "reverted");
                assertThat(d.runningXml())
                        .as("session end reverted the unconfirmed commit")
                        .isEqualTo(before);
                assertThat(d.rpcLog().operations())
                        .as("a new session read the router back after the desync")
                        .containsSubsequence("commit", "get-config");
                assertThat(r.routers().get(1).state()).isEqualTo(OutcomeState.APPLIED);
            }
        });
    }

    /**
     * D.2 #19: validation fails and the discard that should clean up answers rollback-failed: the router is
     * reported ROLLBACK_FAILED (unknown state, needs a human), never a plain not-applied, and nothing is committed.
     */
    @Test
    void rollbackFailedOnDiscardIsReportedRollbackFailedAndNothingIsCommitted() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(2)) {
                SimDevice d = lab.fleet().device(0);
                String before = d.runningXml();
                d.faults().failValidate("/acl", "injected validation failure").failDiscardWithRollbackFailed();
                RunReport r = lab.engine()
                        .apply(
                                lab.targets(),
                                LabFleetEngineTest.opts(1).withRollout(0, 0, 1, 5),
                                null,
                                null,
                                null,
                                RunListener.NONE);
                RouterOutcome o = r.routers().get(0);
                assertThat(o.state()).as(o.reason() + ": " + o.message()).isEqualTo(OutcomeState.ROLLBACK_FAILED);
                assertThat(o.message()).contains("injected validation failure");
                assertThat(d.rpcLog().operations()).contains("discard-changes").doesNotContain("commit");
                assertThat(d.runningXml()).isEqualTo(before);
                assertThat(r.routers().get(1).state()).isEqualTo(OutcomeState.APPLIED);
            }
        });
    }

    /** D.3 #23: validate passes, commit fails: our edit is discarded, nothing reaches running, the lock is released. */
    @Test
    void commitFailureAfterValidateDiscardsAndLeavesRunningUnchanged() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(2)) {
                SimDevice d = lab.fleet().device(0);
                String before = d.runningXml();
                d.faults().failCommit("commit failed (injected)");
                RunReport r = lab.engine()
                        .apply(lab.targets(), LabFleetEngineTest.opts(2), null, null, null, RunListener.NONE);
                RouterOutcome o = r.routers().get(0);
                assertThat(o.state()).as(o.reason() + ": " + o.message()).isEqualTo(OutcomeState.FAILED_NOT_APPLIED);
                assertThat(o.message()).contains("commit failed (injected)");
                assertThat(d.rpcLog().operations())
                        .containsSubsequence("validate", "commit", "discard-changes", "unlock");
                assertThat(d.runningXml()).isEqualTo(before);
                assertThat(r.routers().get(1).state()).isEqualTo(OutcomeState.APPLIED);
            }
        });
    }

    /** D.3 #24: a router with only :writable-running (no candidate) is refused before anything is edited. */
    @Test
    void routerWithoutACandidateIsRefusedAndNeverEdited() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(2)) {
                SimDevice d = lab.fleet().device(0);
                d.setProfile(d.profile().withCandidate(false).withWritableRunning(true));
                String before = d.runningXml();
                RunReport r = lab.engine()
                        .apply(lab.targets(), LabFleetEngineTest.opts(2), null, null, null, RunListener.NONE);
                RouterOutcome o = r.routers().get(0);
                assertThat(o.state()).as(o.reason() + ": " + o.message()).isEqualTo(OutcomeState.FAILED_NOT_APPLIED);
                assertThat(o.reason()).isEqualTo("NO_CANDIDATE");
                assertThat(d.rpcLog().operations()).doesNotContain("edit-config", "lock", "commit", "copy-config");
                assertThat(d.runningXml()).isEqualTo(before);
                assertThat(r.routers().get(1).state()).isEqualTo(OutcomeState.APPLIED);
            }
        });
    }

    /** The lab inventory sets confirm-timeout: 120, which wins over the option; this router gets its own. */
    private static Target withConfirmTimeout(Target t, int seconds) {
        Device d = t.device();
        Map<String, String> settings = new HashMap<>(d.settings());
        settings.put("confirm-timeout", String.valueOf(seconds));
        return new Target(
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
    }

    /**
     * A connector whose sessions to one router run {@code action} right after {@code method} returns: a
     * dynamic proxy, so it keeps working whatever methods RouterSession gains.
     */
    static RouterConnector afterCall(RouterConnector inner, String router, String method, Runnable action) {
        return new RouterConnector() {
            @Override
            public RouterSession open(Device device) {
                RouterSession s = inner.open(device);
                if (!device.name().equals(router)) {
                    return s;
                }
                return (RouterSession) Proxy.newProxyInstance(
                        RouterSession.class.getClassLoader(),
                        new Class<?>[] {RouterSession.class},
                        (proxy, m, args) -> {
                            Object result;
                            try {
                                result = m.invoke(s, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                            if (m.getName().equals(method)) {
                                action.run();
                            }
                            return result;
                        });
            }
        };
    }
}
