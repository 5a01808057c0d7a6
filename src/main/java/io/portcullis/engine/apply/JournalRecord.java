package io.portcullis.engine.apply;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.portcullis.engine.report.OutcomeState;
import java.time.Instant;

/**
 * One line of the write-ahead journal (JSON). A PENDING line is written and forced to disk before a
 * persistent confirmed commit is sent; an outcome line (CONFIRMED, CANCELLED, REVERTED, NOT_COMMITTED)
 * for the same run and router closes it. {@code persistId} is a capability over the router's pending
 * commit: {@link #toString()} never shows it.
 *
 * @param deadline  when the router reverts on its own unless confirmed or extended (as of this line)
 * @param preImage  managed-subtree digest of running before the commit
 * @param intended  digest of the intent and promise being committed
 * @param state     the router's verified final state (outcome lines)
 * @param by        "apply" or "recover"
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JournalRecord(
        String type,
        String run,
        String router,
        String persistId,
        Instant deadline,
        String preImage,
        String intended,
        String state,
        String detail,
        String by,
        Instant at) {
    public static final String PENDING = "PENDING";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String CANCELLED = "CANCELLED";
    public static final String REVERTED = "REVERTED";
    public static final String NOT_COMMITTED = "NOT_COMMITTED";

    static JournalRecord pending(
            String run, String router, String persistId, Instant deadline, String preImage, String intended) {
        return new JournalRecord(
                PENDING, run, router, persistId, deadline, preImage, intended, null, null, "apply", Instant.now());
    }

    static JournalRecord outcome(String type, String run, String router, OutcomeState state, String detail, String by) {
        return new JournalRecord(type, run, router, null, null, null, null, state.name(), detail, by, Instant.now());
    }

    /** The outcome line type for a verified final state, or null when the commit may still be pending. */
    static String outcomeType(OutcomeState state, boolean cancelSent) {
        return switch (state) {
            case APPLIED -> CONFIRMED;
            case FAILED_ROLLED_BACK -> cancelSent ? CANCELLED : REVERTED;
            case FAILED_NOT_APPLIED, NO_CHANGE -> NOT_COMMITTED;
            default -> null; // ROLLBACK_FAILED, UNKNOWN_RECONCILED: left pending for recover
        };
    }

    /** Why a parsed line is not a usable record, or null. */
    String problem() {
        if (type == null || run == null || router == null) {
            return "it lacks type, run or router";
        }
        if (PENDING.equals(type) && (persistId == null || persistId.isBlank() || preImage == null)) {
            return "a PENDING record lacks its persist-id or pre-image digest";
        }
        if (!PENDING.equals(type)
                && !CONFIRMED.equals(type)
                && !CANCELLED.equals(type)
                && !REVERTED.equals(type)
                && !NOT_COMMITTED.equals(type)) {
            return "its type is unknown";
        }
        return null;
    }

    @Override
    public String toString() {
        return type + " " + run + " " + router + (persistId == null ? "" : " persist-id=<redacted>")
                + (state == null ? "" : " " + state);
    }
}
