package io.portcullis.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.engine.Engine;
import io.portcullis.engine.ToolVersion;
import io.portcullis.engine.VerifierProver;
import io.portcullis.engine.counters.CounterSample;
import io.portcullis.engine.counters.NetconfCounterSampler;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.targets.Target;
import io.portcullis.netconf.ClientSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counter sampling of a lab fleet with traffic (default 1,000 routers, {@code -Dbench.devices=N}) compared with a full
 * drift check in the same run and JVM: wall time and process CPU per round, 50 routers at a time, fresh sessions
 * each round (what serve does). Client and simulator share the JVM, so CPU counts both ends. Run:
 * {@code mvn -o test -Dtest=CounterSamplingBenchmark -Dgroups=bench -DexcludedGroups=}.
 */
@Tag("bench")
class CounterSamplingBenchmark {

    @Test
    void samplingVersusDrift(@TempDir Path dir) throws Exception {
        // like the product (and bench.BenchLogging): MINA's per-packet trace formatting would dominate the CPU
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        java.util.logging.Logger.getLogger("org.apache.sshd").setLevel(java.util.logging.Level.SEVERE);
        int n = Integer.getInteger("bench.devices", 1000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (LabFixture lab = new LabFixture(dir, n, 1000);
                NetconfConnector connector = new NetconfConnector(
                        ClientSettings.defaults()
                                .withConnectTimeout(Duration.ofSeconds(30))
                                .withAuthTimeout(Duration.ofSeconds(30))
                                .withHelloTimeout(Duration.ofSeconds(30)),
                        System::getenv)) {
            lab.installPolicy();
            lab.traffic.tick(1);
            List<Target> targets = lab.targets;
            NetconfCounterSampler sampler = new NetconfCounterSampler(connector, 50, Clock.systemUTC());
            Engine engine = new Engine(EngineContext.standard(connector, new VerifierProver()), ToolVersion.current());
            sampler.sample(targets.subList(0, Math.min(50, n))); // warm-up: class loading, JIT
            for (int r = 1; r <= rounds; r++) {
                lab.traffic.tick(1);
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                List<CounterSample> samples = sampler.sample(targets);
                long wall = System.nanoTime() - t0;
                long cpu = os.getProcessCpuTime() - cpu0;
                long ok = samples.stream().filter(s -> s.read().available()).count();
                assertThat(ok).as("every router's counters read").isEqualTo(n);
                print("counters", n, r, wall, cpu);

                cpu0 = os.getProcessCpuTime();
                t0 = System.nanoTime();
                List<RouterPlan> plans = engine.plan(targets, 50);
                wall = System.nanoTime() - t0;
                cpu = os.getProcessCpuTime() - cpu0;
                assertThat(plans.stream()
                                .filter(p -> p.status() == RouterPlan.Status.IN_SYNC)
                                .count())
                        .as("drift check in sync")
                        .isEqualTo(n);
                print("drift", n, r, wall, cpu);
            }
        }
    }

    private static void print(String what, int n, int round, long wallNanos, long cpuNanos) {
        System.out.printf(
                Locale.ROOT,
                "BENCH %-8s devices=%d round=%d wall=%.2fs cpu=%.2fs (%.2f ms CPU/router)%n",
                what,
                n,
                round,
                wallNanos / 1e9,
                cpuNanos / 1e9,
                cpuNanos / 1e6 / n);
    }
}
