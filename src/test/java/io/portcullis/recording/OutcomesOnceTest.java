package io.portcullis.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunningImage;
import io.portcullis.store.RouterRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An apply's routers reach the history once each, and again only when the final outcome differs. */
class OutcomesOnceTest {
    private static RouterOutcome outcome(String router, OutcomeState state, String reason) {
        return new RouterOutcome(
                router,
                "junos",
                state,
                reason,
                router + ": " + state,
                List.of("term added: PORTCULLIS-V4/block-smtp"),
                List.of("TCP/2525 toward subscribers (ipv4): forwarded → dropped"),
                40,
                new RunningImage("sha256:a", "sha256:b", "<configuration/>"));
    }

    @Test
    void theFinalOutcomesGivenAgainAtTheEndAreWrittenOnlyWhereTheyChanged() {
        List<RouterRecord> written = new ArrayList<>();
        OutcomesOnce once = new OutcomesOnce(written::add);

        // as the routers finish (a revert run: proven, awaiting the run's decision)
        once.routerFinished(outcome("bng-a", OutcomeState.APPLIED, "PROVEN_AWAITING_CONFIRM"));
        once.routerFinished(outcome("bng-b", OutcomeState.NO_CHANGE, "IN_SYNC"));
        once.routerFinished(outcome("bng-c", OutcomeState.APPLIED, "APPLIED"));
        // the run's end gives every final outcome again, as equal copies where nothing changed
        once.routerFinished(outcome("bng-a", OutcomeState.FAILED_ROLLED_BACK, "ROLLED_BACK"));
        once.routerFinished(outcome("bng-b", OutcomeState.NO_CHANGE, "IN_SYNC"));
        once.routerFinished(outcome("bng-c", OutcomeState.APPLIED, "APPLIED"));

        assertThat(written)
                .extracting(r -> r.router() + " " + r.state() + " " + r.reason())
                .containsExactly(
                        "bng-a APPLIED PROVEN_AWAITING_CONFIRM",
                        "bng-b NO_CHANGE IN_SYNC",
                        "bng-c APPLIED APPLIED",
                        "bng-a FAILED_ROLLED_BACK ROLLED_BACK");
    }
}
