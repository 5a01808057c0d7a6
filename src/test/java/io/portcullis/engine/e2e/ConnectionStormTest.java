package io.portcullis.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.portcullis.compile.CompiledRouter;
import io.portcullis.engine.Engine;
import io.portcullis.engine.VerifierProver;
import io.portcullis.engine.Workspace;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.targets.Target;
import io.portcullis.lab.LabFleet;
import io.portcullis.lab.server.LabServer;
import io.portcullis.netconf.ClientSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * D.1 #12, the connection-attempt storm, through the engine as plan and drift use it: an inventory of
 * refused routers (loopback ports nobody listens on), blackholed routers (a listener that accepts TCP
 * and never sends an SSH identification, plus a few ports whose accept queue is full so SYNs are
 * dropped), one router with a wrong password, one whose host key changed, and one healthy router.
 *
 * <p>By default 100 refused + 100 blackholed at --parallel 25 (a few seconds). The full storm is
 * {@code -Dportcullis.storm.size=1000 -Dportcullis.storm.parallel=100}; see docs/benchmarks.md.
 */
@Tag("lab")
class ConnectionStormTest {
    private static final int SIZE = Integer.getInteger("portcullis.storm.size", 100);
    private static final int PARALLEL = Integer.getInteger("portcullis.storm.parallel", 25);
    private static final int FULL_QUEUE_PORTS = 5;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration AUTH_TIMEOUT = Duration.ofSeconds(1);
    private static final String WRONG_PASSWORD_ENV = "STORM_WRONG_PASSWORD";

    @Test
    void everyRouterIsClassifiedWithBoundedAttemptsAndNothingLeaks(@TempDir Path dir) throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(60 + 3L * SIZE / PARALLEL * 2), () -> storm(dir));
    }

    private void storm(Path dir) throws Exception {
        try (LabFleet fleet = LabFleet.builder().devices(3).platforms("junos").start();
                Blackhole hole = Blackhole.start(SIZE - FULL_QUEUE_PORTS, FULL_QUEUE_PORTS)) {
            Path inv = dir.resolve("inventory");
            fleet.writeInventory(inv, LabFleet.DEFAULT_PASSWORD_ENV);
            String healthy = fleet.device(0).name();
            String wrongPassword = fleet.device(1).name();
            String changedKey = fleet.device(2).name();
            fleet.device(2).setHostKey(LabServer.newHostKey()); // after known_hosts was written: a changed key

            Map<String, String> expected = new HashMap<>();
            String template = firstHostBlock(Files.readString(inv.resolve("hosts.yaml")), healthy);
            StringBuilder hosts = new StringBuilder(Files.readString(inv.resolve("hosts.yaml"))
                    .replace(wrongPassword + ":\n", wrongPassword + ":\n  password-env: " + WRONG_PASSWORD_ENV + "\n"));
            List<Integer> refused = refusedPorts(SIZE);
            for (int i = 0; i < refused.size(); i++) {
                addHost(hosts, template, healthy, "refused-" + i, refused.get(i));
                expected.put("refused-" + i, "connection refused");
            }
            List<Integer> silent = hole.silentPorts();
            for (int i = 0; i < silent.size(); i++) {
                addHost(hosts, template, healthy, "silent-" + i, silent.get(i));
                expected.put("silent-" + i, "timed out");
            }
            List<Integer> fullQueue = hole.fullPorts();
            for (int i = 0; i < fullQueue.size(); i++) {
                addHost(hosts, template, healthy, "syn-dropped-" + i, fullQueue.get(i));
                expected.put("syn-dropped-" + i, "timed out");
            }
            Files.writeString(inv.resolve("hosts.yaml"), hosts);
            expected.put(wrongPassword, "authentication failed");
            expected.put(changedKey, "host key rejected");

            long tw = System.nanoTime();
            Workspace w = Workspace.load(Path.of("policy"), inv, null, LocalDate.now());
            assertThat(w.hasErrors()).as(w.summary() + w.diagnostics()).isFalse();
            List<Target> targets = w.compileAll().stream()
                    .filter(CompiledRouter::inScope)
                    .map(Target::of)
                    .toList();
            assertThat(targets).hasSize(2 * SIZE + 3);
            System.out.printf("storm: inventory loaded and compiled in %d ms%n", (System.nanoTime() - tw) / 1_000_000);

            Function<String, String> env = Map.of(
                            LabFleet.DEFAULT_PASSWORD_ENV,
                            fleet.password(),
                            WRONG_PASSWORD_ENV,
                            "not-" + fleet.password())::get;
            ClientSettings settings = ClientSettings.defaults()
                    .withConnectTimeout(CONNECT_TIMEOUT)
                    .withAuthTimeout(AUTH_TIMEOUT)
                    .withHelloTimeout(AUTH_TIMEOUT);

            // warm up: the first SSH handshakes of a cold JVM (class loading, JIT of the key exchange) alone can take
            // longer than the storm's 1 s handshake limit on a busy 2-core box; the storm measures the steady state
            try (NetconfConnector warm = new NetconfConnector(settings.withAuthTimeout(Duration.ofSeconds(15)), env)) {
                List<RouterPlan> warmUp = new Engine(EngineContext.standard(warm, new VerifierProver()), "test")
                        .plan(
                                targets.stream()
                                        .filter(t -> t.name().equals(healthy))
                                        .toList(),
                                1);
                assertThat(warmUp).extracting(RouterPlan::status).containsExactly(RouterPlan.Status.CHANGES);
            }
            Resources before = Resources.settled(null);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            threads.resetPeakThreadCount();
            long t0 = System.nanoTime();
            List<RouterPlan> plans;
            try (NetconfConnector connector = new NetconfConnector(settings, env)) {
                plans = new Engine(EngineContext.standard(connector, new VerifierProver()), "test")
                        .plan(targets, PARALLEL);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            int peakThreads = threads.getPeakThreadCount();
            Resources after = Resources.settled(before);

            // every router is reported, none hidden, each with its own classification
            assertThat(plans)
                    .extracting(RouterPlan::router)
                    .containsExactlyInAnyOrderElementsOf(
                            targets.stream().map(Target::name).toList());
            Map<String, RouterPlan> byName = plans.stream().collect(Collectors.toMap(RouterPlan::router, p -> p));
            assertThat(byName.get(healthy).status())
                    .as(String.valueOf(byName.get(healthy)))
                    .isEqualTo(RouterPlan.Status.CHANGES);
            List<String> misclassified = expected.entrySet().stream()
                    .filter(e -> byName.get(e.getKey()).status() != RouterPlan.Status.ERROR
                            || !e.getValue().equals(byName.get(e.getKey()).errorKind()))
                    .map(e -> e.getKey() + " expected '" + e.getValue() + "' but was "
                            + byName.get(e.getKey()).status() + " '"
                            + byName.get(e.getKey()).errorKind() + "': "
                            + byName.get(e.getKey()).error())
                    .sorted()
                    .toList();
            assertThat(misclassified)
                    .as("routers with the wrong classification")
                    .isEmpty();
            assertThat(byName.get(changedKey).error()).contains("HOST KEY CHANGED");
            assertThat(byName.get("syn-dropped-0").error()).contains("no TCP connection");
            assertThat(Engine.exitCode(plans)).isEqualTo(1);

            // connection attempts in flight never exceed --parallel; every silent router was really attempted
            assertThat(hole.accepted()).isEqualTo(silent.size());
            assertThat(hole.maxConcurrent()).as("attempts in flight at once").isBetween(2, PARALLEL);

            // deadline arithmetic: ceil(N / parallel) rounds, each at most a TCP connect timeout plus an SSH handshake
            // timeout, plus slack
            long rounds = (targets.size() + PARALLEL - 1) / PARALLEL;
            Duration bound =
                    CONNECT_TIMEOUT.plus(AUTH_TIMEOUT).multipliedBy(rounds).plusSeconds(10);
            assertThat(took).as("storm wall time").isLessThan(bound);

            // the client closed every attempt; threads and descriptors are back where they started
            long waitUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (hole.openNow() > 0 && System.nanoTime() < waitUntil) {
                Thread.sleep(20);
            }
            assertThat(hole.openNow())
                    .as("connections left open at the listener")
                    .isZero();
            assertThat(after.threads())
                    .as("live threads after the run: " + Resources.threadNames())
                    .isLessThanOrEqualTo(before.threads() + 1);
            assertThat(after.fds()).as("open file descriptors after the run").isLessThanOrEqualTo(before.fds() + 3);
            assertThat(peakThreads)
                    .as("peak threads during the run (JVM-wide)")
                    .isLessThanOrEqualTo(before.threads() + PARALLEL + 24);
            assertThat(after.heapMb()).as("heap after the run (MB)").isLessThan(before.heapMb() + 64);
            System.out.printf(
                    "storm: %d routers (%d refused, %d silent, %d syn-dropped, 3 lab) --parallel %d in %d ms;"
                            + " max attempts in flight %d; threads %d -> peak %d -> %d; fds %d -> %d; heap %d -> %d MB%n",
                    targets.size(),
                    refused.size(),
                    silent.size(),
                    fullQueue.size(),
                    PARALLEL,
                    took.toMillis(),
                    hole.maxConcurrent(),
                    before.threads(),
                    peakThreads,
                    after.threads(),
                    before.fds(),
                    after.fds(),
                    before.heapMb(),
                    after.heapMb());
        }
    }

    /** The block of hosts.yaml for one lab router, from its name line up to the next top-level key. */
    private static String firstHostBlock(String hostsYaml, String name) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : hostsYaml.split("\n")) {
            if (!line.startsWith(" ") && !line.startsWith("#")) {
                if (in) {
                    break;
                }
                in = line.equals(name + ":");
            }
            if (in) {
                out.add(line);
            }
        }
        assertThat(out).as("host block of " + name).isNotEmpty();
        return String.join("\n", out) + "\n";
    }

    private static void addHost(StringBuilder hosts, String template, String templateName, String name, int port) {
        hosts.append(template.replace(templateName + ":", name + ":").replaceFirst("port: \\d+", "port: " + port));
    }

    /**
     * Loopback ports below the ephemeral range with nobody listening (bind succeeds, then released).
     * Below the ephemeral range so that no client socket can ever be handed one of them as its own
     * source port (a loopback self-connect would look like a listener).
     */
    private static List<Integer> refusedPorts(int n) throws IOException {
        List<Integer> ports = new ArrayList<>();
        for (int p = 21000; p < 32000 && ports.size() < n; p += 7) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), p));
                ports.add(p);
            } catch (IOException inUse) {
                // someone listens there: not a refused port
            }
        }
        assertThat(ports).hasSize(n);
        return ports;
    }

    /** Live threads outside the simulated routers, open descriptors (/proc/self/fd) and used heap, read once they stop moving. */
    record Resources(int threads, long fds, long heapMb) {
        static Resources settled(Resources baseline) throws Exception {
            Resources r = now();
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            // threads of a closed pool and sockets being closed take a moment to go away
            while (baseline != null
                    && (r.threads > baseline.threads || r.fds > baseline.fds)
                    && System.nanoTime() < until) {
                Thread.sleep(50);
                r = now();
            }
            return r;
        }

        /** The lab's own threads (the simulated routers' SSH server and RPC pool) start lazily and are not the client's. */
        static boolean simulatedRouter(Thread t) {
            return t.getName().startsWith("lab-") || t.getName().startsWith("sshd-Exposed");
        }

        static List<String> threadNames() {
            return Thread.getAllStackTraces().keySet().stream()
                    .map(Thread::getName)
                    .sorted()
                    .toList();
        }

        static Resources now() throws IOException {
            System.gc();
            long fds;
            try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
                fds = s.count();
            }
            Runtime rt = Runtime.getRuntime();
            return new Resources(
                    (int) Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> !simulatedRouter(t))
                            .count(),
                    fds,
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }
}
