package io.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.engine.report.Reason;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.router.RouterException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Reason codes are what reports, JSON and JUnit carry: their spelling must not drift from the strings used before the enum. */
class ReasonTest {
    @Test
    void everyRouterFailureKindHasTheReasonOfTheSameName() {
        // Transaction reports an unexpected RouterException by its kind's name; valueOf would throw for a missing one
        for (RouterException.Kind k : RouterException.Kind.values()) {
            assertThat(Reason.valueOf(k.name()).name()).isEqualTo(k.name());
        }
    }

    @Test
    void codesKeepTheirPublishedSpelling() {
        assertThat(Arrays.stream(Reason.values()).map(Reason::name))
                .contains(
                        "STALE_PLAN",
                        "FOREIGN_FILTER_BOUND",
                        "CHAIN_NOT_PROVEN",
                        "RENDER_FAILED",
                        "NO_CANDIDATE",
                        "NO_CONFIRMED_COMMIT",
                        "FOREIGN_UNCOMMITTED_CHANGES",
                        "LOCK_FAILED",
                        "LOCKED_BY",
                        "EDIT_REJECTED",
                        "VALIDATE_FAILED",
                        "JOURNAL_UNWRITABLE",
                        "COMMIT_FAILED",
                        "DISCARD_FAILED",
                        "ROLLED_BACK",
                        "ROLLBACK_FAILED",
                        "ROLLBACK_NOT_VERIFIED",
                        "UNKNOWN_RECONCILED",
                        "UNKNOWN",
                        "APPLIED",
                        "IN_SYNC",
                        "STARTUP_SAVED",
                        "STARTUP_NOT_SAVED",
                        "UNREACHABLE");
        assertThat(RouterOutcome.AWAITING_CONFIRM).isEqualTo("PROVEN_AWAITING_CONFIRM");
    }
}
