package io.portcullis.soak;

import io.portcullis.lab.device.RpcLogEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Out-of-band changes that landed while a CI apply was in flight on the same router: after the apply started and at
 * most {@link #REACHED_WITHIN} before its transaction on the router began (its session's first RPC, the pre-image read),
 * or any time after that, and before the apply process ended (a
 * two-phase run holds every router in its confirm window until the end; a revert is verified on fresh sessions after
 * the transaction's own). Such a change races Portcullis' own commit, confirm, cancel or read-back, and the product
 * then rightly refuses to claim anything: the router may end FAILED_ROLLED_BACK, ROLLBACK_FAILED or
 * UNKNOWN_RECONCILED and be quarantined, its drift may be alerted with either author, or overwritten before anyone
 * could look. The soak injects the change, so for the checks it is a fault of that router, like the injected ones, and
 * the operator step at the end (quarantine list, then an apply that includes the quarantined routers) must clear it.
 *
 * <p>Decided from the router's own RPC log (the lab runs in the soak's JVM, so the change's instant and the RPCs'
 * share one clock) and the CI process's start and end: nothing the product says is used to excuse the product.
 */
final class Collisions {
    /** One out-of-band change that landed inside this CI apply's transaction on its router. */
    record Collision(OutOfBandChanges.Change change, CiRuns.CliRun run) {
        String router() {
            return change.router();
        }

        @Override
        public String toString() {
            return change.user() + " on " + change.router() + " at " + change.at() + " inside " + run.name();
        }
    }

    /**
     * A change made after the apply started and at most this long before its transaction reached the router is read as
     * part of the pre-image and overwritten by the apply seconds later: serve's check of it (a notification, a settle
     * time, a queue of targeted checks; or the next periodic check when the router's notification session is still
     * coming back from a fault) can come after the overwrite and then finds the router in policy. The apply's report
     * names what it overwrote (finding D in docs/benchmarks.md, "Soak under faults": serve does not alert it).
     */
    static final java.time.Duration REACHED_WITHIN = java.time.Duration.ofSeconds(10);

    private Collisions() {}

    /** Every change of {@code changes} inside an apply of {@code runs}; {@code logOf} gives a router's RPC log. */
    static List<Collision> find(
            List<CiRuns.CliRun> runs,
            List<OutOfBandChanges.Change> changes,
            Function<String, List<RpcLogEntry>> logOf) {
        List<Collision> out = new ArrayList<>();
        for (OutOfBandChanges.Change c : changes) {
            List<RpcLogEntry> log = null;
            for (CiRuns.CliRun r : runs) {
                if (!r.kind().equals("apply") || c.at().isBefore(r.started()) || c.at().isAfter(r.ended())) {
                    continue;
                }
                if (log == null) {
                    log = logOf.apply(c.router());
                }
                if (inFlight(log, r.started(), r.ended(), c.at())) {
                    out.add(new Collision(c, r));
                }
            }
        }
        return out;
    }

    /**
     * Whether a change at {@code t} fell inside a transaction of the CI run that ran from {@code runStart} to {@code
     * runEnd}, as the router's RPC log shows it: a NETCONF session (not a CLI action, session 0 or {@code cli-*}) that
     * started in the run, sent at least one write, and whose first RPC came at most {@link #REACHED_WITHIN} after
     * {@code t} (or before it).
     */
    static boolean inFlight(List<RpcLogEntry> routerLog, Instant runStart, Instant runEnd, Instant t) {
        if (t.isBefore(runStart) || t.isAfter(runEnd)) {
            return false;
        }
        Map<Integer, Instant> firstRpc = new HashMap<>();
        Map<Integer, Boolean> wrote = new HashMap<>();
        for (RpcLogEntry e : routerLog) {
            if (e.sessionId() == 0
                    || e.operation().startsWith("cli-")
                    || e.timestamp().isBefore(runStart)
                    || e.timestamp().isAfter(runEnd)) {
                continue;
            }
            firstRpc.merge(e.sessionId(), e.timestamp(), (a, b) -> a.isBefore(b) ? a : b);
            if (e.isWrite()) {
                wrote.put(e.sessionId(), true);
            }
        }
        return wrote.keySet().stream().anyMatch(id -> !firstRpc.get(id).isAfter(t.plus(REACHED_WITHIN)));
    }
}
