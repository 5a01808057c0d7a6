package io.portcullis.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.diff.Change;
import io.portcullis.diff.ChangeKind;
import io.portcullis.diff.ChangeSet;
import io.portcullis.diff.IntentDiff;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunningImage;
import io.portcullis.store.RouterRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one conversion both recorders use: what an apply's router and a plan's (or drift run's) router are recorded as. */
class RouterRecordsTest {

    @Test
    void anAppliedRouterKeepsItsImageAndAFailedOneItsMessage() {
        RouterRecord applied = RouterRecords.outcome(new RouterOutcome(
                "r1",
                "junos",
                OutcomeState.APPLIED,
                null,
                "applied and proven",
                List.of("filter X: term deny-snmp added"),
                List.of("UDP/161 toward subscribers (ipv4): forwarded → dropped"),
                42,
                new RunningImage("sha256:before", "sha256:after", "<filter/>")));
        assertThat(applied.state()).isEqualTo("APPLIED");
        assertThat(applied.digestBefore()).isEqualTo("sha256:before");
        assertThat(applied.digestAfter()).isEqualTo("sha256:after");
        assertThat(applied.preImage()).isEqualTo("<filter/>");
        assertThat(applied.error()).as("a success carries no error text").isNull();
        assertThat(applied.millis()).isEqualTo(42);
        assertThat(applied.impact()).containsExactly("UDP/161 toward subscribers (ipv4): forwarded → dropped");

        RouterRecord failed = RouterRecords.outcome(new RouterOutcome(
                "r2",
                "iosxr",
                OutcomeState.FAILED_NOT_APPLIED,
                "LOCKED_BY",
                "locked by session 7",
                List.of(),
                List.of(),
                5));
        assertThat(failed.state()).isEqualTo("FAILED_NOT_APPLIED");
        assertThat(failed.reason()).isEqualTo("LOCKED_BY");
        assertThat(failed.error()).isEqualTo("locked by session 7");
        assertThat(failed.digestBefore()).as("not read").isNull();
    }

    @Test
    void aPlanIsRecordedAsAPlanAndADriftRunFromTheRoutersSide() {
        Change missing = new Change(ChangeKind.TERM_MISSING, "PORTCULLIS-V4", "deny-smtp", null, "tcp 25");
        RouterPlan p = new RouterPlan(
                "r1",
                "junos",
                RouterPlan.Status.CHANGES,
                new ChangeSet(new IntentDiff(List.of(missing)), "+ term", "- term", List.of()),
                "i",
                "sha256:state",
                List.of(),
                null,
                null);
        RouterRecord plan = RouterRecords.plan(p, false);
        RouterRecord drift = RouterRecords.plan(p, true);
        assertThat(plan.state()).isEqualTo("CHANGES");
        assertThat(plan.digestBefore()).as("the state digest read").isEqualTo("sha256:state");
        assertThat(plan.changes()).containsExactly(missing.describe());
        assertThat(drift.changes())
                .as("drift describes the router's side, a plan what applying changes")
                .containsExactly(missing.reversed().describe())
                .isNotEqualTo(plan.changes());
    }
}
