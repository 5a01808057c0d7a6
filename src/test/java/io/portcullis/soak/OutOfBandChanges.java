package io.portcullis.soak;

import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.testing.OutOfBandEdits;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Periodic out-of-band changes, as someone on a router's CLI would make them: the last term of the router's first
 * managed filter deleted (SMTP or SNMP reaching subscribers again), each by its own CLI user ({@code soak-oob-N}) so
 * that the alert it causes can be told apart from every other alert.
 */
final class OutOfBandChanges {
    /** One change: which router, which CLI user, when. */
    record Change(int id, String router, String user, Instant at) {}

    private final LabFleet fleet;
    private final Path policy;
    private final Path inventory;
    private final Random random;
    private final Duration meanGap;
    private final List<Change> changes = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private long nextAt;

    OutOfBandChanges(LabFleet fleet, Path policy, Path inventory, Random random, Duration meanGap) {
        this.fleet = fleet;
        this.policy = policy;
        this.inventory = inventory;
        this.random = random;
        this.meanGap = meanGap;
        this.nextAt = System.nanoTime() + gap();
    }

    /** When due, changes one random router that {@code busy} does not exclude. */
    void tick(Predicate<String> busy) {
        long now = System.nanoTime();
        if (now < nextAt) {
            return;
        }
        nextAt = now + gap();
        SimDevice d = fleet.device(random.nextInt(fleet.size()));
        if (busy.test(d.name())) {
            return;
        }
        int id = changes.size() + 1;
        String user = "soak-oob-" + id;
        try {
            OutOfBandEdits.deleteLastTerm(d, policy, inventory, user);
            changes.add(new Change(id, d.name(), user, Instant.now()));
        } catch (RuntimeException e) {
            problems.add(d.name() + ": out-of-band change failed: " + e.getMessage());
        }
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }

    /** Was this router changed at or after {@code t}? (A change newer than the last look at the alerts.) */
    boolean changedSince(String router, Instant t) {
        return changes.stream().anyMatch(c -> c.router().equals(router) && !c.at().isBefore(t));
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private long gap() {
        return Math.round(-Math.log(1 - random.nextDouble()) * meanGap.toNanos());
    }
}
