package io.portcullis.engine.report;

/**
 * The stable machine codes a transaction ends with ({@link RouterOutcome#reason()}). Each constant's
 * {@link #name()} is exactly the string reports, JSON, JUnit and text output have always carried, so
 * scripts reading them see no change; code compares constants instead of spelling strings.
 */
public enum Reason {
    // success and no-op
    APPLIED,
    IN_SYNC,
    STARTUP_SAVED,
    STARTUP_NOT_SAVED,
    /** Proven and held in its confirm window under --on-failure revert; the whole run decides. */
    PROVEN_AWAITING_CONFIRM,
    // refused before anything was edited
    STALE_PLAN,
    FOREIGN_FILTER_BOUND,
    CHAIN_NOT_PROVEN,
    RENDER_FAILED,
    NO_CANDIDATE,
    NO_CONFIRMED_COMMIT,
    FOREIGN_UNCOMMITTED_CHANGES,
    LOCK_FAILED,
    LOCKED_BY,
    /** A run left the router ROLLBACK_FAILED or UNKNOWN: apply skips it until someone releases it. */
    QUARANTINED,
    /** Another Portcullis run held the router for longer than this run waits. */
    ROUTER_BUSY,
    // failed before the commit: the candidate was discarded
    EDIT_REJECTED,
    VALIDATE_FAILED,
    /** The candidate, read back after the edit, did not hold the intended configuration: never committed. */
    CANDIDATE_NOT_PROVEN,
    JOURNAL_UNWRITABLE,
    COMMIT_FAILED,
    DISCARD_FAILED,
    // failed after the commit: reverted, or not
    ROLLED_BACK,
    ROLLBACK_FAILED,
    ROLLBACK_NOT_VERIFIED,
    UNKNOWN_RECONCILED,
    UNKNOWN,
    // the router could not be talked to: one per engine.router.RouterException.Kind, same spelling
    CONNECTION_REFUSED,
    TIMEOUT,
    UNREACHABLE,
    AUTH_FAILED,
    HOST_KEY,
    LOCK_DENIED,
    RPC_ERROR,
    SESSION_LOST,
    PROTOCOL,
    UNREADABLE
}
