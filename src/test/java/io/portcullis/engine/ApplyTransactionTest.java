package io.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.engine.fake.FakeRouter;
import io.portcullis.engine.fake.TestTargets;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.engine.targets.Target;
import io.portcullis.intent.Action;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Single-router transaction semantics against the in-memory fake (the lab tests repeat them over SSH). */
class ApplyTransactionTest {
    private final FakeFleet fleet = new FakeFleet(2);
    private final FilterIntent want = TestTargets.intent("r1", TestTargets.seedTerms());

    private RouterOutcome applyR1() {
        RunReport r = fleet.engine.apply(
                fleet.targets.subList(0, 1), FakeFleet.opts(), null, "sha256:p", null, RunListener.NONE);
        assertThat(fleet.router(2).rpcLog)
                .as("router outside the run untouched")
                .isEmpty();
        return r.routers().get(0);
    }

    @Test
    void freshApplyCommitsProvesAndConfirmsThenSecondRunIsNoChangeWithoutEditOrLock() {
        RouterOutcome o = applyR1();
        assertThat(o.state()).isEqualTo(OutcomeState.APPLIED);
        assertThat(fleet.router(1).running().filters()).isEqualTo(want.filters());
        assertThat(fleet.router(1).writes())
                .containsExactly("lock", "edit-config", "validate", "commit-confirmed", "commit", "unlock");
        assertThat(o.impact()).contains("TCP/587 toward subscribers (ipv4): forwarded → dropped");

        fleet.router(1).rpcLog.clear();
        RouterOutcome again = applyR1();
        assertThat(again.state()).isEqualTo(OutcomeState.NO_CHANGE);
        assertThat(fleet.router(1).writes()).isEmpty();
    }

    @Test
    void lockHeldByAnotherSessionIsReportedWithItsHolder() {
        fleet.router(1).holdLock(42);
        RouterOutcome o = applyR1();
        assertThat(o.state()).isEqualTo(OutcomeState.FAILED_NOT_APPLIED);
        assertThat(o.reason()).isEqualTo("LOCKED_BY");
        assertThat(o.message()).contains("session 42");
        assertThat(fleet.router(1).writes()).containsOnly("lock");
        assertThat(fleet.router(1).running().filters()).isEmpty();
    }

    @Test
    void foreignUncommittedEditsAreRefusedAndNeverDiscarded() {
        FilterIntent theirs = TestTargets.intent(
                "r1", List.of(TestTargets.term("their-term", 5, Protocol.TCP, List.of(22), Action.ACCEPT)));
        fleet.router(1).dirtyCandidate(theirs);
        RouterOutcome o = applyR1();
        assertThat(o.reason()).isEqualTo("FOREIGN_UNCOMMITTED_CHANGES");
        assertThat(fleet.router(1).writes()).doesNotContain("discard-changes", "edit-config", "commit");
        assertThat(fleet.router(1).running().filters()).isEmpty();
    }

    @Test
    void validateFailureDiscardsOurEditAndLeavesRunningUnchanged() {
        fleet.router(1).failValidate = true;
        RouterOutcome o = applyR1();
        assertThat(o.state()).isEqualTo(OutcomeState.FAILED_NOT_APPLIED);
        assertThat(o.reason()).isEqualTo("VALIDATE_FAILED");
        assertThat(o.message()).contains("block-smtp");
        assertThat(fleet.router(1).writes())
                .containsExactly("lock", "edit-config", "validate", "discard-changes", "unlock");
        assertThat(fleet.router(1).running().filters()).isEmpty();
    }

    @Test
    void sessionKilledInsideTheConfirmWindowRevertsAndIsVerifiedOnANewSession() {
        fleet.router(1).killAfterConfirmedCommit = true;
        RouterOutcome o = applyR1();
        assertThat(o.state()).isEqualTo(OutcomeState.FAILED_ROLLED_BACK);
        assertThat(fleet.router(1).running().filters()).isEmpty();
        assertThat(fleet.router(1).writes()).doesNotContain("commit");
    }

    @Test
    void aRouterThatHoldsSomethingElseThanItAcknowledgedIsRolledBack() {
        fleet.router(1).corruptOnCommit = true;
        RouterOutcome o = applyR1();
        assertThat(o.state()).isEqualTo(OutcomeState.FAILED_ROLLED_BACK);
        assertThat(o.message()).contains("read-back differs");
        assertThat(fleet.router(1).writes()).contains("cancel-commit").doesNotContain("commit");
        assertThat(fleet.router(1).running().filters()).isEmpty();
    }

    @Test
    void aCandidateThatEqualsAWrongIntentIsDisprovedByTheVerifierAndNeverCommitted() {
        // a compiler bug: the intent forgets TCP/587 but the promise still requires dropping it
        List<Term> wrong = new ArrayList<>(TestTargets.seedTerms());
        wrong.set(1, TestTargets.term("block-smtp", 20, Protocol.TCP, List.of(25, 465, 2525), Action.DISCARD));
        Target t = new Target(TestTargets.device("r1", false), TestTargets.intent("r1", wrong), TestTargets.promise());
        RouterOutcome o = fleet.engine
                .apply(List.of(t), FakeFleet.opts(), null, "sha256:p", null, RunListener.NONE)
                .routers()
                .get(0);
        // issue 13 item 1: the candidate is proven before any commit, so the wrong intent never reaches running
        assertThat(o.state()).isEqualTo(OutcomeState.FAILED_NOT_APPLIED);
        assertThat(o.reason()).isEqualTo("CANDIDATE_NOT_PROVEN");
        assertThat(o.message())
                .contains("does not keep the policy")
                .contains("587")
                .contains("never committed");
        assertThat(fleet.router(1).writes())
                .contains("discard-changes", "unlock")
                .doesNotContain("commit-confirmed", "commit");
        assertThat(fleet.router(1).running().filters()).isEmpty();
        assertThat(fleet.router(2).rpcLog).isEmpty();
    }

    @Test
    void onlyOwnedConfigIsEditedAndAForeignFilterAtOurAttachPointIsRefused() {
        FakeRouter r = fleet.router(1);
        List<Term> t = new ArrayList<>(TestTargets.seedTerms());
        FilterIntent foreignUnbound = new FilterIntent(
                "r1",
                "test",
                List.of(new io.portcullis.intent.Filter(
                        "CUSTOMER-ACL", io.portcullis.intent.AddressFamily.IPV4, t, Action.DISCARD, null)),
                List.of());
        r.setRunning(foreignUnbound);
        assertThat(applyR1().state()).isEqualTo(OutcomeState.APPLIED);
        assertThat(r.running().filter("CUSTOMER-ACL")).isPresent();

        FakeFleet other = new FakeFleet(1);
        FilterIntent foreignBound = new FilterIntent(
                "r1",
                "test",
                foreignUnbound.filters(),
                List.of(new io.portcullis.intent.Binding(
                        io.portcullis.intent.AttachKind.INTERFACE,
                        TestTargets.IFACE,
                        io.portcullis.intent.AddressFamily.IPV4,
                        io.portcullis.intent.Direction.TO_SUBSCRIBER,
                        "CUSTOMER-ACL")));
        other.router(1).setRunning(foreignBound);
        RouterOutcome o = other.apply(FakeFleet.opts()).routers().get(0);
        assertThat(o.reason()).isEqualTo("FOREIGN_FILTER_BOUND");
        assertThat(o.message()).contains("CUSTOMER-ACL").contains("chain-foreign");
        assertThat(other.router(1).writes()).isEmpty();
    }
}
