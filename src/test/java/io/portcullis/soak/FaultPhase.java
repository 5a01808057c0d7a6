package io.portcullis.soak;

import io.portcullis.lab.LabFleet;
import io.portcullis.testing.HttpReceiver;
import io.portcullis.testing.ProcessStats;
import io.portcullis.testing.ServeReplica;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The fault phase: the main loop injects faults and makes out-of-band changes, a CI thread merges and applies policy
 * revisions one after another, a sampler thread per serve process reads its heap, threads and fds after warm-up (the
 * first fifth of the phase, at least 30 s) on a wall-clock schedule. At its end the out-of-band changes that raced a
 * CI apply on their router are found ({@link Collisions}): they count as faults of that router. A router with an out-of-band change whose alert has not resolved yet gets no
 * fault, and a faulted router or one with an open alert gets no out-of-band change, so every drift alert has one cause.
 */
final class FaultPhase {
    private final SoakSettings s;
    private final LabFleet fleet;
    private final CiRuns ci;
    private final HttpReceiver receiver;
    private final PrintStream out;
    private final ServeReplica leader;
    private final ServeReplica follower;
    private final FaultInjector faults;
    private final OutOfBandChanges oob;
    private final List<ResourceSamples> samples;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private volatile Set<String> busyForFaults = Set.of();
    private volatile Set<String> busyForChanges = Set.of();
    private volatile java.time.Instant refreshedAt = java.time.Instant.now();
    private final List<Thread> samplers = new CopyOnWriteArrayList<>();
    private volatile boolean phaseOver;
    private volatile Instant faultsCleared = Instant.now();
    private volatile boolean samplingOver;
    private volatile List<Collisions.Collision> collisions = List.of();

    FaultPhase(
            SoakSettings s,
            LabFleet fleet,
            CiRuns ci,
            HttpReceiver receiver,
            Path policy,
            Path inventory,
            Random random,
            PrintStream out,
            ServeReplica leader,
            ServeReplica follower) {
        this.s = s;
        this.fleet = fleet;
        this.ci = ci;
        this.receiver = receiver;
        this.out = out;
        this.leader = leader;
        this.follower = follower;
        this.faults = new FaultInjector(fleet, new Random(random.nextLong()), s.faultEvery());
        this.oob = new OutOfBandChanges(fleet, policy, inventory, new Random(random.nextLong()), s.oobEvery());
        this.samples = List.of(new ResourceSamples(leader.name()), new ResourceSamples(follower.name()));
    }

    void run() throws InterruptedException {
        long start = System.nanoTime();
        long end = start + s.faultPhase().toNanos();
        long warm = start + Math.max(30_000_000_000L, s.faultPhase().toNanos() / 5);
        AtomicBoolean stop = new AtomicBoolean();
        Thread ciThread = new Thread(() -> ciLoop(stop), "soak-ci");
        ciThread.start();
        samplers.add(sampler(samples.get(0), leader.pid(), warm));
        samplers.add(sampler(samples.get(1), follower.pid(), warm));
        long nextLedger = 0;
        long nextReport = start + 30_000_000_000L;
        try {
            while (System.nanoTime() < end) {
                long now = System.nanoTime();
                if (now >= nextLedger) {
                    refreshBusy();
                    nextLedger = now + 2_000_000_000L;
                }
                faults.tick(r -> busyForFaults.contains(r) || oob.changedSince(r, refreshedAt));
                // busyForChanges is refreshed every 2 s: a router changed since then is busy too, or two changes could
                // land on it within one refresh and share one alert
                oob.tick(r -> busyForChanges.contains(r)
                        || faults.faultedOrNotificationsMaybeDown(r)
                        || oob.changedSince(r, refreshedAt));
                if (now >= nextReport) {
                    out.printf(
                            "soak: %3.0f s: %d faults injected %s, %d out-of-band changes (%d unresolved), %d CI runs, revision %d; load %s%n",
                            (now - start) / 1e9,
                            faults.total(),
                            faults.injected(),
                            oob.changes().size(),
                            oobUnresolved().size(),
                            ci.runs().size(),
                            ci.revision(),
                            SoakRun.load());
                    nextReport = now + 30_000_000_000L;
                }
                Thread.sleep(100);
            }
        } finally {
            stop.set(true);
            out.println("soak: fault phase over; waiting for the CI run in progress, then clearing every fault");
            ciThread.join();
            faults.clearAll();
            faults.close();
            faultsCleared = Instant.now();
            phaseOver = true;
            collisions = Collisions.find(
                    ci.runs(), oob.changes(), r -> fleet.device(r).rpcLog().entries());
        }
    }

    /**
     * Waits until every router's SSH keepalive had {@code limit} (its wait × probes) since the faults were cleared: a
     * half-open session (SILENT_SESSION) keeps its candidate lock and uncommitted edits until the keepalive ends it, and
     * an operator's apply before that is rightly refused ("someone else's uncommitted changes"). Finding E of the run of
     * 2026-12-07 00:47: the final apply came 84 s after such a session went silent, 6 s before its router's 90 s limit.
     */
    void awaitHalfOpenSessionsEnded(Duration limit) throws InterruptedException {
        long ms = Duration.between(Instant.now(), faultsCleared.plus(limit)).toMillis();
        if (ms > 0) {
            out.printf("soak: waiting %.0f s for the routers' keepalive to end half-open sessions%n", ms / 1e3);
            Thread.sleep(ms);
        }
    }

    /**
     * Ends resource sampling: called after the drain. A sampler that has not taken its {@link ResourceSamples#MIN} samples
     * by the end of the fault phase (a sample takes seconds on a loaded machine) goes on during the drain until it has
     * them; this stops it, whatever it has.
     */
    void stopSampling() throws InterruptedException {
        samplingOver = true;
        for (Thread t : samplers) {
            t.interrupt();
            t.join();
        }
    }

    private void refreshBusy() {
        java.time.Instant at = java.time.Instant.now();
        AlertLedger ledger = AlertLedger.read(receiver, "/hook");
        Set<String> unresolved = unresolved(ledger);
        busyForFaults = unresolved;
        busyForChanges = SoakRun.union(unresolved, ledger.openRouters());
        refreshedAt = at;
    }

    /** Routers with an out-of-band change whose drift alert has not been resolved yet (or not fired yet). */
    Set<String> oobUnresolved() {
        return unresolved(AlertLedger.read(receiver, "/hook"));
    }

    /**
     * Out-of-band changes that landed inside a CI apply on their router (see {@link Collisions}); known once the fault
     * phase is over.
     */
    List<Collisions.Collision> collisions() {
        return collisions;
    }

    /** Routers with an out-of-band change inside a CI apply on them. */
    Set<String> collided() {
        return collisions.stream().map(Collisions.Collision::router).collect(Collectors.toSet());
    }

    /** Whether this router counts as faulted: a fault was injected on it, or an out-of-band change raced an apply on it. */
    boolean everFaulted(String router) {
        return faults.everFaulted(router) || collided().contains(router);
    }

    /** Whether this change raced a CI apply on its router. */
    boolean collided(OutOfBandChanges.Change c) {
        return collisions.stream().anyMatch(x -> x.change().equals(c));
    }

    /**
     * What the drain waits for: routers with an out-of-band change whose alert has not resolved yet, leaving out the
     * quarantined routers (their drift stays until the operator's apply) and a change that raced a CI apply and was
     * never alerted (the apply may have overwritten it, or rolled it back with its own confirmed commit, before serve
     * could look: that apply's report says what became of the router). A change alerted without its author — by serve's
     * overwrite audit, or when a revert run's rollback restored it — counts as alerted, as in {@link SoakChecks}.
     */
    Set<String> awaited(Set<String> quarantined) {
        AlertLedger ledger = AlertLedger.read(receiver, "/hook");
        List<CiRuns.CliRun> runs = ci.runs();
        return oob.changes().stream()
                .filter(c -> !quarantined.contains(c.router()))
                .filter(c -> {
                    List<AlertLedger.Alert> a = ledger.driftBy(c.router(), c.user());
                    if (a.isEmpty()) {
                        a = ledger.where(x -> x.router().equals(c.router())
                                && java.time.Instant.parse(x.startsAt()).isAfter(c.at().minusSeconds(1))
                                && (x.overwriteReport()
                                        || RollbackRestorations.restoredBy(x, runs)
                                                .isPresent()));
                    }
                    return a.isEmpty() ? !collided(c) : a.stream().noneMatch(x -> x.resolved() > 0);
                })
                .map(OutOfBandChanges.Change::router)
                .collect(Collectors.toSet());
    }

    private Set<String> unresolved(AlertLedger ledger) {
        return oob.changes().stream()
                .filter(c -> ledger.driftBy(c.router(), c.user()).stream().noneMatch(a -> a.resolved() > 0))
                .map(OutOfBandChanges.Change::router)
                .collect(Collectors.toSet());
    }

    private void ciLoop(AtomicBoolean stop) {
        while (!stop.get()) {
            long until = System.nanoTime() + s.applyEvery().toNanos();
            while (!stop.get() && System.nanoTime() < until) {
                sleep(200);
            }
            if (stop.get()) {
                return;
            }
            try {
                CiRuns.CliRun r = ci.nextRevision();
                out.printf(
                        "soak: CI %s exit %d in %.1f s %s%n",
                        r.name(),
                        r.exit(),
                        r.seconds(),
                        r.report() == null ? "" : r.report().counts());
            } catch (Exception e) {
                problems.add("CI run failed to start or finish: " + e);
            }
        }
    }

    /**
     * Samples one serve process on a wall-clock schedule from {@code warm}: tick k is due at warm + k × sampleEvery; a
     * sample that took longer than the interval (jcmd attaching on a loaded machine) is followed at once by the next,
     * without a backlog. Each replica has its own thread, so a slow sample of one does not starve the other.
     */
    private Thread sampler(ResourceSamples r, long pid, long warm) {
        Thread t = new Thread(
                () -> {
                    long every = s.sampleEvery().toNanos();
                    long next = warm;
                    while (!samplingOver && (!phaseOver || r.soak().size() < ResourceSamples.MIN)) {
                        if (System.nanoTime() < next) {
                            if (!sleep(100)) {
                                return;
                            }
                            continue;
                        }
                        boolean late = phaseOver;
                        try {
                            r.duringSoak(ProcessStats.sample(pid), late);
                        } catch (java.io.IOException e) {
                            problems.add("sampling " + r.replica() + " failed: " + e.getMessage());
                        } catch (InterruptedException e) {
                            return;
                        }
                        next = Math.max(next + every, System.nanoTime());
                    }
                },
                "soak-sampler-" + r.replica());
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    FaultInjector faults() {
        return faults;
    }

    OutOfBandChanges oob() {
        return oob;
    }

    List<ResourceSamples> samples() {
        return samples;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    LabFleet fleet() {
        return fleet;
    }
}
