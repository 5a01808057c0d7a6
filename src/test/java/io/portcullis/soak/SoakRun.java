package io.portcullis.soak;

import io.portcullis.lab.LabFleet;
import io.portcullis.store.Backend;
import io.portcullis.store.DbSettings;
import io.portcullis.testing.HttpReceiver;
import io.portcullis.testing.LabInventory;
import io.portcullis.testing.PortcullisProcess;
import io.portcullis.testing.ProcessStats;
import io.portcullis.testing.ServeReplica;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * One soak, start to verdict: a lab fleet in this JVM (its foreign config noted), the policy copied so that revisions can
 * be merged, a fresh PostgreSQL schema, a webhook receiver, the fleet applied by the CLI, {@code serve} as leader and as
 * follower (two JVMs, remediation on), then the fault phase — random faults, out-of-band changes, CI runs, resource
 * samples — then faults cleared, a drain, and the checks (see {@link SoakChecks}).
 */
public final class SoakRun {
    static final String TOKEN = "soak-write-token";

    private final SoakSettings s;
    private final PrintStream out;
    private final Verdict verdict = new Verdict();
    private final List<Process> started = new ArrayList<>();

    private SoakRun(SoakSettings s, PrintStream out) {
        this.s = s;
        this.out = out;
    }

    public static Verdict run(SoakSettings s, PrintStream out) throws Exception {
        return new SoakRun(s, out).run();
    }

    private Verdict run() throws Exception {
        out.printf(
                "soak: seed %d (SOAK_SEED=%d replays the same random choices; their timing varies), %d routers, %.1f min of faults, state in %s%n",
                s.seed(), s.seed(), s.routers(), s.minutes(), s.state());
        Random random = new Random(s.seed());
        // the lab fleet runs in this JVM: log like the product (see bench.BenchLogging), not MINA's per-packet trace
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        java.util.logging.Logger.getLogger("org.apache.sshd").setLevel(java.util.logging.Level.SEVERE);
        Files.createDirectories(s.state());
        long t0 = System.nanoTime();
        DbSettings db = Backend.POSTGRESQL.fresh(s.state());
        try (LabFleet fleet = LabFleet.builder()
                        .devices(s.routers())
                        .portBase(0)
                        .customize(d -> d.keepalive(s.routerKeepalive(), 3))
                        .start();
                HttpReceiver receiver = HttpReceiver.start()) {
            ForeignConfig foreign = ForeignConfig.snapshot(fleet);
            Path inventory = LabInventory.write(fleet, s.state().resolve("inventory"));
            Path policy = copyPolicy(s.state().resolve("policy"));
            PortcullisProcess processes =
                    new PortcullisProcess(db, s.state(), s.state().resolve("logs"), List.of());
            CiRuns ci = new CiRuns(
                    processes, policy, inventory, s.state().resolve("ci"), s.parallel(), Math.max(1, s.routers() / 20));
            out.printf(
                    "soak: lab of %d routers on 127.0.0.1:%d-%d; database %s%n",
                    fleet.size(), fleet.firstPort(), fleet.lastPort(), db.safeUrl());

            CiRuns.CliRun initial = ci.applyAgain("initial-apply");
            out.printf(
                    "soak: initial apply exit %d in %.1f s %s%n",
                    initial.exit(),
                    initial.seconds(),
                    initial.report() == null ? "" : initial.report().counts());
            if (initial.exit() != 0) {
                verdict.check(
                        "initial apply of the fleet",
                        false,
                        "exit " + initial.exit() + " (" + processes.log("initial-apply") + ")");
                return verdict;
            }
            List<String> serveArgs = List.of("--policy", policy.toString(), "--inventory", inventory.toString());
            List<String> props = List.of(
                    "-Dportcullis.ha.poll-interval=2s",
                    "-Dportcullis.api.token=" + TOKEN,
                    "-Dportcullis.alert.webhook.url=" + receiver.uri("/hook"),
                    "-Dportcullis.drift.period=" + s.driftPeriod().toSeconds() + "s",
                    // changes an apply overwrote unseen are reported within seconds, before the soak's final checks
                    "-Dportcullis.drift.overwrite-audit=5s",
                    "-Dportcullis.remediate=true",
                    "-Dportcullis.alert.retry.min-backoff=500ms",
                    "-Dportcullis.watch.max-backoff=20s",
                    "-Dportcullis.drift.parallel=" + s.parallel(),
                    "-Dquarkus.log.category.\"io.portcullis\".level=INFO");
            List<String> jvm = List.of("-Xmx" + s.serveHeap());
            // both replicas boot at once (a JVM start is the slowest part of the set-up on a loaded machine); whichever
            // wins the
            // election is the leader, the other must follow it
            ServeReplica a = ServeReplica.start(processes, "replica-a", serveArgs, props, jvm);
            started.add(a.process());
            ServeReplica b = ServeReplica.start(processes, "replica-b", serveArgs, props, jvm);
            started.add(b.process());
            waitUntil("one replica leads", Duration.ofMinutes(4), () -> a.leads() || b.leads());
            ServeReplica leader = a.leads() ? a : b;
            ServeReplica follower = leader == a ? b : a;
            waitUntil(
                    follower.name() + " follows " + leader.name(),
                    Duration.ofMinutes(4),
                    () -> "no".equals(follower.leaderData("leader"))
                            && leader.name().equals(follower.leaderData("leaderName")));
            waitUntil(
                    leader.name() + " watches every router, all in policy",
                    Duration.ofMinutes(10).plusSeconds(s.routers()),
                    () -> count(leader, "portcullis_notification_subscriptions") >= s.routers()
                            && state(leader, "in_policy") >= s.routers());
            out.printf(
                    "soak: set-up done in %.0f s (leader %s pid %d, follower %s pid %d); load %s%n",
                    (System.nanoTime() - t0) / 1e9,
                    leader.name(),
                    leader.pid(),
                    follower.name(),
                    follower.pid(),
                    load());

            FaultPhase phase = new FaultPhase(s, fleet, ci, receiver, policy, inventory, random, out, leader, follower);
            phase.run();

            // drain: faults gone, nothing more started; serve must settle every router and resolve every alert, except
            // on the routers a run left quarantined (remediation skips them: they wait for the operator's apply)
            long drainStart = System.nanoTime();
            Duration drainMax = s.driftPeriod().multipliedBy(4).plusMinutes(3);
            out.printf(
                    "soak: %d out-of-band changes raced a CI apply on their router: %s%n",
                    phase.collisions().size(), phase.collisions());
            boolean drained = waitQuietly(drainMax, () -> {
                DrainWait w = drainWait(leader, receiver, phase);
                return w != null && w.over();
            });
            out.printf(
                    "soak: drain %s after %.0f s; load %s%n",
                    drained ? "settled" : "did NOT settle", (System.nanoTime() - drainStart) / 1e9, load());
            DrainWait left = drained ? null : drainWait(leader, receiver, phase);
            if (left != null) {
                // what it still waited for, so that a drain that did not settle can be explained afterwards
                out.printf(
                        "soak: drain still waited for: unsettled %s; open alerts on %s; changes awaited on %s%n",
                        left.unsettled(), left.openAlerts(), left.awaited());
            }
            phase.stopSampling();
            for (int i = 0; i < 3; i++) {
                phase.samples().get(0).atEnd(ProcessStats.sample(leader.pid()));
                phase.samples().get(1).atEnd(ProcessStats.sample(follower.pid()));
                Thread.sleep(3_000);
            }
            new SoakChecks(s, verdict, fleet, foreign, ci, receiver, db, leader, follower, phase, processes, out)
                    .judge();
            verdict.note(String.format("wall time %.1f min; load %s", (System.nanoTime() - t0) / 6e10, load()));
            writeSamples(phase);
            return verdict;
        } finally {
            for (Process p : started) {
                p.destroy();
            }
            for (Process p : started) {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor();
                }
            }
            if (!Boolean.getBoolean("soak.keep-schema")) {
                Backend.POSTGRESQL.drop(db);
            }
        }
    }

    private void writeSamples(FaultPhase phase) throws IOException {
        List<String> lines = new ArrayList<>(List.of("replica,phase,epoch_s,heap_bytes,threads,fds,rss_kb"));
        phase.samples().forEach(r -> lines.addAll(r.csv()));
        Files.write(s.state().resolve("resources.csv"), lines);
    }

    private static Path copyPolicy(Path to) throws IOException {
        Path from = Path.of("policy");
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }

    /**
     * What the drain waits for, quarantined routers left out (remediation skips them until the operator's apply): routers
     * serve has not settled, routers with an alert still open, and routers whose out-of-band change is not alerted and
     * resolved yet ({@link FaultPhase#awaited}).
     */
    record DrainWait(Set<String> unsettled, Set<String> openAlerts, Set<String> awaited) {
        boolean over() {
            return unsettled.isEmpty() && openAlerts.isEmpty() && awaited.isEmpty();
        }
    }

    /** The drain's state now, or null while serve does not answer. */
    private static DrainWait drainWait(ServeReplica leader, HttpReceiver receiver, FaultPhase phase) {
        ServeView view = ServeView.read(leader, TOKEN);
        if (view == null) {
            return null;
        }
        Set<String> open = new HashSet<>(AlertLedger.read(receiver, "/hook").openRouters());
        open.removeAll(view.quarantined());
        return new DrainWait(view.unsettled(), open, phase.awaited(view.quarantined()));
    }

    static long count(ServeReplica r, String series) {
        return Math.round(r.metric(series).orElse(-1));
    }

    static long state(ServeReplica r, String state) {
        return count(r, "portcullis_routers{state=\"" + state + "\"}");
    }

    static String load() {
        try {
            return String.join(
                            " ",
                            Files.readString(Path.of("/proc/loadavg")).trim().split(" "))
                    .substring(0, 14);
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static void waitUntil(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        if (!waitQuietly(max, condition)) {
            throw new IllegalStateException("soak set-up: " + what + " did not happen within " + max);
        }
    }

    static boolean waitQuietly(Duration max, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(500);
        }
        return true;
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
