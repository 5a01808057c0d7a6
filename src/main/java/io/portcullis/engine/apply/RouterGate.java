package io.portcullis.engine.apply;

import io.portcullis.engine.memory.Quarantine;
import io.portcullis.engine.memory.RouterGuard;
import io.portcullis.engine.memory.RouterLocks;
import io.portcullis.engine.memory.RouterMemory;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.Reason;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.router.RouterText;
import io.portcullis.engine.targets.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What stands between a run and each router's transaction (issue 13 items 3 and 5): a quarantined router is not
 * contacted (unless the run includes quarantined routers); every other router is locked for the whole transaction
 * (until the run's end for a router held proven under two-phase), so two Portcullis runs never meet in one candidate;
 * a router the run leaves ROLLBACK_FAILED or UNKNOWN_RECONCILED is quarantined.
 */
public final class RouterGate {
    private final RouterGuard guard;
    private final String runId;
    private final List<Quarantine> quarantined;
    /** Leases of routers held proven in their confirm window: released when the run finishes them. */
    private final Map<String, RouterLocks.Lease> heldToTheEnd = new ConcurrentHashMap<>();
    /** The same leases by lock key. */
    private final Map<String, RouterLocks.Lease> heldKeys = new ConcurrentHashMap<>();

    private final Map<String, String> addressOf = new ConcurrentHashMap<>();

    /**
     * @throws IllegalStateException (one sentence) when the quarantine cannot be read: nothing has been touched then
     */
    public RouterGate(RouterGuard guard, String runId) {
        this.guard = guard;
        this.runId = runId;
        try {
            this.quarantined = guard.memory().quarantined();
        } catch (RouterMemory.MemoryException e) {
            throw new IllegalStateException(
                    "no router was touched because the quarantine list cannot be read: " + e.getMessage(), e);
        }
    }

    /** Runs {@code transaction} for {@code t} behind the gate. */
    public RouterOutcome run(Target t, Function<Target, RouterOutcome> transaction) {
        Quarantine q = quarantineOf(t);
        if (q != null && !guard.includeQuarantined()) {
            return skipped(t, OutcomeState.NOT_CONTACTED, Reason.QUARANTINED, RouterText.oneLine(q.describe()));
        }
        RouterLocks.Lease lease;
        String key = RouterLocks.key(t.device());
        try {
            lease = acquire(key);
            if (lease == null) {
                // another name for a router this two-phase run holds proven in its confirm window: waiting would wait
                // for
                // the run's own end; the router itself refuses the candidate lock (LOCKED_BY), which is honest and
                // harmless
                return settle(transaction.apply(t), q != null, key);
            }
        } catch (RouterLocks.RouterBusy e) {
            return skipped(
                    t,
                    OutcomeState.FAILED_NOT_APPLIED,
                    Reason.ROUTER_BUSY,
                    t.name() + " was not touched: " + e.getMessage() + " for longer than "
                            + guard.lockWait().toSeconds() + " s; run again when it has finished");
        } catch (RouterMemory.MemoryException e) {
            return skipped(
                    t,
                    OutcomeState.FAILED_NOT_APPLIED,
                    Reason.ROUTER_BUSY,
                    t.name() + " was not touched: its router lock could not be" + " taken (" + e.getMessage() + ")");
        }
        RouterOutcome o = null;
        try {
            o = transaction.apply(t);
        } finally {
            if (o != null && Reason.PROVEN_AWAITING_CONFIRM.name().equals(o.reason())) {
                heldToTheEnd.put(t.name(), lease);
                addressOf.put(t.name(), key);
                heldKeys.put(key, lease);
            } else {
                lease.close();
            }
        }
        return settle(o, q != null, key);
    }

    private Quarantine quarantineOf(Target t) {
        String key = RouterLocks.key(t.device());
        return quarantined.stream()
                .filter(q -> q.covers(t.name(), key))
                .findFirst()
                .orElse(null);
    }

    /** The lock of {@code key}, waited for in slices so that a key this run comes to hold to its end is noticed (then null). */
    private RouterLocks.Lease acquire(String key) {
        long deadline = System.nanoTime() + guard.lockWait().toNanos();
        RouterLocks.Holder me = new RouterLocks.Holder(runId, guard.actor());
        while (true) {
            if (heldKeys.containsKey(key)) {
                return null;
            }
            long left = deadline - System.nanoTime();
            try {
                return guard.locks()
                        .acquire(key, me, java.time.Duration.ofNanos(Math.max(0, Math.min(left, 1_000_000_000L))));
            } catch (RouterLocks.RouterBusy e) {
                if (System.nanoTime() >= deadline) {
                    throw e;
                }
            }
        }
    }

    /** The run's final outcomes (two-phase replaced the provisional ones): settles each and releases every lease still held. */
    public List<RouterOutcome> finish(List<RouterOutcome> outcomes, boolean twoPhase) {
        List<RouterOutcome> out = new ArrayList<>();
        try {
            for (RouterOutcome o : outcomes) {
                out.add(
                        twoPhase && heldToTheEnd.containsKey(o.router())
                                ? settle(
                                        o,
                                        quarantined.stream()
                                                .anyMatch(q -> q.router().equals(o.router())),
                                        addressOf.get(o.router()))
                                : o);
            }
        } finally {
            releaseAll();
        }
        return out;
    }

    /** Releases every lease still held (a run that ends early). */
    public void releaseAll() {
        heldToTheEnd.values().forEach(RouterLocks.Lease::close);
        heldToTheEnd.clear();
        heldKeys.clear();
    }

    /** Quarantines a router left in a state nobody can vouch for; an included quarantined router proven now is released. */
    private RouterOutcome settle(RouterOutcome o, boolean wasQuarantined, String address) {
        try {
            if (o.state() == OutcomeState.ROLLBACK_FAILED || o.state() == OutcomeState.UNKNOWN_RECONCILED) {
                guard.memory()
                        .quarantine(new Quarantine(
                                o.router(),
                                address,
                                o.state().name(),
                                RouterText.oneLine(o.reason() + ": " + o.message()),
                                runId,
                                guard.actor(),
                                Instant.now()));
                return with(
                        o,
                        "; " + o.router()
                                + " is now quarantined: later runs skip it until 'portcullis quarantine release "
                                + o.router() + "'");
            }
            if (wasQuarantined
                    && o.state().success()
                    && !Reason.PROVEN_AWAITING_CONFIRM.name().equals(o.reason())) {
                guard.memory().release(o.router());
                return with(o, "; its quarantine was released (applied with --include-quarantined and proven)");
            }
        } catch (RouterMemory.MemoryException e) {
            return with(o, "; WARNING: its quarantine could not be recorded (" + e.getMessage() + ")");
        }
        return o;
    }

    private static RouterOutcome with(RouterOutcome o, String more) {
        return new RouterOutcome(
                o.router(),
                o.platform(),
                o.state(),
                o.reason(),
                o.message() + more,
                o.changes(),
                o.impact(),
                o.millis(),
                o.image(),
                o.changeItems(),
                o.impactItems(),
                o.workarounds());
    }

    private static RouterOutcome skipped(Target t, OutcomeState state, Reason reason, String message) {
        return new RouterOutcome(
                t.name(), t.device().platform(), state, reason.name(), message, List.of(), List.of(), 0);
    }
}
