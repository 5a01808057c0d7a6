package io.portcullis.engine.report;

/**
 * Final state of one router after an apply (design-level states of the NETCONF notes, D).
 * NOT_CONTACTED is for routers a halted rollout never reached: they were not touched at all.
 */
public enum OutcomeState {
    /** Committed, read back, proven, confirmed. */
    APPLIED(true),
    /** Already held exactly the intent; nothing was locked or edited. */
    NO_CHANGE(true),
    /** Nothing was committed; running is as before. */
    FAILED_NOT_APPLIED(false),
    /** Committed (confirmed commit) but reverted, and the revert was verified by read-back. */
    FAILED_ROLLED_BACK(false),
    /** A revert was needed and did not happen (or could not be verified): a human must look. */
    ROLLBACK_FAILED(false),
    /** The outcome of a commit was unknown; read-back tells what the router holds now. */
    UNKNOWN_RECONCILED(false),
    /** A halted rollout never contacted this router. */
    NOT_CONTACTED(false);

    private final boolean success;

    OutcomeState(boolean success) {
        this.success = success;
    }

    public boolean success() {
        return success;
    }

    public boolean failure() {
        return !success && this != NOT_CONTACTED;
    }
}
