package io.portcullis.lab.device;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Per-device fault injection, armed by tests (or {@code portcullis lab --fault}). Transport faults are
 * decided per incoming RPC by {@link #planFor}; datastore faults are read by the RPC operations.
 * Operation names are RPC element names (edit-config, commit…) or "*" for any RPC. Thread-safe.
 */
public final class Faults {
    /** What the transport does with one RPC. */
    public record Plan(
            Duration delay,
            boolean dropBefore,
            boolean dropAfter,
            boolean neverReply,
            boolean halfOpen,
            Malformation malformation) {
        static final Plan NORMAL = new Plan(Duration.ZERO, false, false, false, false, null);
    }

    private enum Kind {
        DELAY,
        DROP_BEFORE,
        DROP_AFTER,
        NEVER_REPLY,
        HALF_OPEN,
        MALFORMED
    }

    private static final class Rule {
        final Kind kind;
        final String operation;
        int skip; // RPCs to let pass before this rule fires (drop at the Nth RPC)
        int remaining; // firings left; -1 = forever
        final Duration delay;
        final Malformation malformation;

        Rule(Kind kind, String operation, int skip, int remaining, Duration delay, Malformation malformation) {
            this.kind = kind;
            this.operation = operation;
            this.skip = skip;
            this.remaining = remaining;
            this.delay = delay;
            this.malformation = malformation;
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private volatile String validateErrorPath;
    private volatile String validateMessage;
    private volatile String commitFailure;
    private volatile boolean rollbackFailedOnDiscard;
    private volatile HelloFault hello = HelloFault.NONE;
    private volatile Duration helloDelay = Duration.ofSeconds(30);
    private volatile boolean stallWindow;
    private volatile boolean validateForgetsEdits;
    private volatile String candidateAlsoGets;

    /** Every RPC waits {@code d} before it is processed (replies stay in order). */
    public Faults delay(Duration d) {
        return delay("*", d);
    }

    public synchronized Faults delay(String operation, Duration d) {
        rules.add(new Rule(Kind.DELAY, operation, 0, -1, d, null));
        return this;
    }

    /** The connection drops when the n-th RPC from now (1-based, any session) arrives, before it is processed. */
    public synchronized Faults dropConnectionAtRpc(int n) {
        rules.add(new Rule(Kind.DROP_BEFORE, "*", n - 1, 1, null, null));
        return this;
    }

    /** The connection drops when the next {@code operation} RPC arrives, before it is processed. */
    public synchronized Faults dropConnectionOn(String operation) {
        rules.add(new Rule(Kind.DROP_BEFORE, operation, 0, 1, null, null));
        return this;
    }

    /** The next {@code operation} RPC is processed, then the connection drops before the reply is sent. */
    public synchronized Faults dropConnectionAfter(String operation) {
        rules.add(new Rule(Kind.DROP_AFTER, operation, 0, 1, null, null));
        return this;
    }

    /** {@code operation} RPCs are never answered (nor is anything after them on that session). */
    public synchronized Faults neverReplyTo(String operation) {
        rules.add(new Rule(Kind.NEVER_REPLY, operation, 0, -1, null, null));
        return this;
    }

    /** At the next {@code operation} RPC the session goes silent: no reads, no writes, TCP stays open. */
    public synchronized Faults halfOpenOn(String operation) {
        rules.add(new Rule(Kind.HALF_OPEN, operation, 0, 1, null, null));
        return this;
    }

    /** The reply to the next {@code operation} RPC is sent broken in the given way. */
    public synchronized Faults malformedReply(String operation, Malformation m) {
        rules.add(new Rule(Kind.MALFORMED, operation, 0, 1, null, m));
        return this;
    }

    /** validate (and edit-config with test-option test-then-set/test-only) fail with invalid-value at this path. */
    public Faults failValidate(String errorPath, String message) {
        validateErrorPath = errorPath;
        validateMessage = message;
        return this;
    }

    /** commit fails with operation-failed; running stays unchanged. */
    public Faults failCommit(String message) {
        commitFailure = message;
        return this;
    }

    /** discard-changes answers rollback-failed and leaves the candidate as it is. */
    public Faults failDiscardWithRollbackFailed() {
        rollbackFailedOnDiscard = true;
        return this;
    }

    /**
     * Like yuma123 netconfd (DEVELOPERS.md): a {@code <validate>} of the candidate makes the next commit commit
     * nothing (answered ok, running unchanged, candidate reset to running) although the candidate still reads back
     * with the edits; a discard-changes ends the effect (an edit after the validate does not, as on netconfd when it
     * repeats what is there).
     */
    public Faults loseEditsOnValidate() {
        validateForgetsEdits = true;
        return this;
    }

    /**
     * Every edit-config of the candidate also merges this {@code <config>} into it (a router that rewrites or adds to
     * what it was sent): the candidate then holds something other than what the client edited.
     */
    public Faults alsoMergeIntoCandidate(String configXml) {
        candidateAlsoGets = configXml;
        return this;
    }

    public Faults hello(HelloFault fault) {
        hello = fault;
        return this;
    }

    public Faults helloDelay(Duration d) {
        helloDelay = d;
        return this;
    }

    /** The device stops consuming input (no SSH window adjust): a client writing a big edit stalls. */
    public Faults stallWindow(boolean stall) {
        stallWindow = stall;
        return this;
    }

    public synchronized void clear() {
        rules.clear();
        validateErrorPath = null;
        validateMessage = null;
        commitFailure = null;
        rollbackFailedOnDiscard = false;
        hello = HelloFault.NONE;
        stallWindow = false;
        validateForgetsEdits = false;
        candidateAlsoGets = null;
    }

    /** Decides (and consumes one-shot rules) for one incoming RPC. */
    public synchronized Plan planFor(String operation) {
        if (rules.isEmpty()) {
            return Plan.NORMAL;
        }
        Duration delay = Duration.ZERO;
        boolean dropBefore = false, dropAfter = false, never = false, half = false;
        Malformation malformed = null;
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule r = it.next();
            if (!r.operation.equals("*") && !r.operation.equals(operation)) {
                continue;
            }
            if (r.skip > 0) {
                r.skip--;
                continue;
            }
            switch (r.kind) {
                case DELAY -> delay = delay.plus(r.delay);
                case DROP_BEFORE -> dropBefore = true;
                case DROP_AFTER -> dropAfter = true;
                case NEVER_REPLY -> never = true;
                case HALF_OPEN -> half = true;
                case MALFORMED -> malformed = r.malformation;
                default -> throw new IllegalStateException();
            }
            if (r.remaining > 0 && --r.remaining == 0) {
                it.remove();
            }
        }
        return new Plan(delay, dropBefore, dropAfter, never, half, malformed);
    }

    public String validateErrorPath() {
        return validateErrorPath;
    }

    public String validateMessage() {
        return validateMessage;
    }

    public String commitFailure() {
        return commitFailure;
    }

    public boolean rollbackFailedOnDiscard() {
        return rollbackFailedOnDiscard;
    }

    public HelloFault hello() {
        return hello;
    }

    public Duration helloDelay() {
        return helloDelay;
    }

    public boolean stallWindow() {
        return stallWindow;
    }

    public boolean validateForgetsEdits() {
        return validateForgetsEdits;
    }

    public String candidateAlsoGets() {
        return candidateAlsoGets;
    }
}
