package io.portcullis.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.portcullis.engine.Engine;
import io.portcullis.engine.VerifierProver;
import io.portcullis.engine.memory.Quirk;
import io.portcullis.engine.memory.RouterGuard;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.lab.device.SimDevice;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 1 on lab routers: the candidate is read back and proven before any commit. A candidate that holds
 * something else is discarded, never committed; a router whose {@code <validate>} loses the pending edits (the yuma123
 * netconfd quirk, simulated) is applied anyway without validate, with a warning, and remembered so the next run skips it.
 */
@Tag("lab")
class CandidateProofLabTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);

    /** A term the simulated Junos router adds to our filter in the candidate, as a router that rewrites an edit might. */
    private static final String ROUTER_ADDED_TERM =
            "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><configuration><firewall>"
                    + "<family><inet><filter><name>PORTCULLIS-SUBPROTECT-V4</name><term><name>router-added</name><from><protocol>tcp</protocol>"
                    + "<destination-port>23</destination-port></from><then><accept/></then></term></filter></inet></family></firewall>"
                    + "</configuration></config>";

    @Test
    void aCandidateThatDiffersFromTheIntentIsDiscardedAndNeverCommitted() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(2)) {
                SimDevice d = lab.fleet().device(0);
                assertThat(d.platform()).isEqualTo("junos");
                String before = d.runningXml();
                d.faults().alsoMergeIntoCandidate(ROUTER_ADDED_TERM);
                RunReport r = lab.engine()
                        .apply(lab.targets(), LabFleetEngineTest.opts(2), null, null, null, RunListener.NONE);
                RouterOutcome o = r.routers().get(0);
                assertThat(o.state()).as(o.reason() + ": " + o.message()).isEqualTo(OutcomeState.FAILED_NOT_APPLIED);
                assertThat(o.reason()).isEqualTo("CANDIDATE_NOT_PROVEN");
                assertThat(o.message())
                        .as("says what differed")
                        .contains("the candidate differs from the policy")
                        .contains("router-added")
                        .contains("never committed");
                assertThat(d.rpcLog().operations())
                        .containsSubsequence(
                                "lock", "edit-config", "validate", "get-config", "discard-changes", "unlock")
                        .doesNotContain("commit");
                assertThat(d.runningXml()).isEqualTo(before).doesNotContain("PORTCULLIS-");
                assertThat(d.candidateXml()).as("candidate discarded").doesNotContain("router-added");
                assertThat(r.routers().get(1).state()).isEqualTo(OutcomeState.APPLIED);
            }
        });
    }

    @Test
    void validateThatLosesTheEditsIsSkippedWithAWarningAndRememberedForTheNextRun() {
        assertTimeoutPreemptively(LIMIT, () -> {
            RouterGuard guard = RouterGuard.inProcess();
            String router;
            try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(1)) {
                SimDevice d = lab.fleet().device(0);
                router = d.name();
                d.faults().loseEditsOnValidate();
                Engine engine = new Engine(
                        EngineContext.standard(lab.connector(), new VerifierProver())
                                .withGuard(guard),
                        "test");
                RunReport r =
                        engine.apply(lab.targets(), LabFleetEngineTest.opts(1), null, null, null, RunListener.NONE);
                RouterOutcome o = r.routers().get(0);
                assertThat(o.state()).as(o.reason() + ": " + o.message()).isEqualTo(OutcomeState.APPLIED);
                assertThat(o.reason()).isEqualTo("APPLIED");
                assertThat(o.workarounds()).containsExactly(RouterOutcome.VALIDATE_SKIPPED);
                assertThat(o.message())
                        .contains("warning: <validate> lost the pending edits")
                        .doesNotContain("\n");
                // Junos has :confirmed-commit:1.0 only: no cancel-commit, the second confirmed commit follows the empty
                // one up
                assertThat(d.profile().confirmedCommit11()).isFalse();
                assertThat(d.rpcLog().operations())
                        .as("validate once, the empty commit, the edits made again without validate")
                        .containsSubsequence(
                                "edit-config",
                                "validate",
                                "commit",
                                "discard-changes",
                                "edit-config",
                                "commit",
                                "commit")
                        .containsOnlyOnce("validate");
                assertThat(d.runningXml()).contains("PORTCULLIS-SUBPROTECT-V4");
                assertThat(guard.memory().quirks(router)).containsExactly(Quirk.VALIDATE_LOSES_EDITS);
            }
            // the same router again (a fresh lab starts empty, so there is something to apply): no validate at all
            try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(1)) {
                SimDevice d = lab.fleet().device(0);
                assertThat(d.name()).isEqualTo(router);
                d.faults().loseEditsOnValidate();
                Engine engine = new Engine(
                        EngineContext.standard(lab.connector(), new VerifierProver())
                                .withGuard(guard),
                        "test");
                RouterOutcome o = engine.apply(
                                lab.targets(), LabFleetEngineTest.opts(1), null, null, null, RunListener.NONE)
                        .routers()
                        .get(0);
                assertThat(o.state()).as(o.reason() + ": " + o.message()).isEqualTo(OutcomeState.APPLIED);
                assertThat(o.workarounds()).containsExactly(RouterOutcome.VALIDATE_SKIPPED);
                assertThat(o.message()).contains("remembered from an earlier run");
                assertThat(d.rpcLog().operations()).doesNotContain("validate", "cancel-commit", "discard-changes");
                assertThat(d.runningXml()).contains("PORTCULLIS-SUBPROTECT-V4");
            }
        });
    }
}
