package io.portcullis.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.inventory.Device;
import io.portcullis.inventory.Inventory;
import io.portcullis.inventory.InventoryLoader;
import io.portcullis.platform.registry.Platforms;
import io.portcullis.policy.Policy;
import io.portcullis.policy.load.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark (excluded from the suite): policy load (cold: builds the YANG schema context; warm),
 * loading a 10,000-host inventory, and compiling 10,000 devices of mixed platforms.
 * Run: {@code mvn -q -o test -Dtest=CompilerBenchmark -Dgroups=bench -DexcludedGroups=}; the numbers
 * are in target/surefire-reports/io.portcullis.compile.CompilerBenchmark-output.txt.
 */
@Tag("bench")
class CompilerBenchmark {
    static final int DEVICES = 10_000;

    @Test
    void loadAndCompileTenThousandDevices(@TempDir Path dir) throws Exception {
        LocalDate today = LocalDate.of(2026, 11, 28);
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        PolicyLoader.Result cold = PolicyLoader.load(Path.of("policy"), today);
        long coldMs = ms(t0);
        long coldCpuMs =
                java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
        t0 = System.nanoTime();
        PolicyLoader.Result warm = PolicyLoader.load(Path.of("policy"), today);
        long warmMs = ms(t0);
        assertThat(cold.hasErrors()).isFalse();
        assertThat(warm.hasErrors()).isFalse();
        Policy policy = warm.policy();

        List<String> platforms = Platforms.ids();
        StringBuilder hosts = new StringBuilder();
        for (int i = 0; i < DEVICES; i++) {
            hosts.append("bng-")
                    .append(i)
                    .append(":\n  hostname: 10.")
                    .append(i / 65536)
                    .append('.')
                    .append(i / 256 % 256)
                    .append('.')
                    .append(i % 256)
                    .append("\n  platform: ")
                    .append(platforms.get(i % platforms.size()))
                    .append("\n  groups: [bng]\n  attach:\n    interfaces: [if-")
                    .append(i)
                    .append(".100]\n    profiles: [RES]\n");
        }
        Files.writeString(dir.resolve("hosts.yaml"), hosts);
        Files.writeString(dir.resolve("groups.yaml"), "bng:\n  username: portcullis\n  password-env: PW\n");
        t0 = System.nanoTime();
        io.portcullis.policy.SourceParser.yaml(hosts.toString());
        long yamlMs = ms(t0);
        long invCpu0 = mx.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
        Inventory inv = InventoryLoader.load(dir);
        long invMs = ms(t0);
        long invCpuMs = (mx.getCurrentThreadCpuTime() - invCpu0) / 1_000_000;
        t0 = System.nanoTime();
        InventoryLoader.load(dir);
        long invWarmMs = ms(t0);
        assertThat(inv.devices()).hasSize(DEVICES);

        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        int terms = 0;
        for (int round = 0; round < 5; round++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            t0 = System.nanoTime();
            terms = 0;
            for (Device d : inv.devices()) {
                CompiledRouter c = Compiler.compile(
                        policy, d, Platforms.get(d.platform()).facts().implicitDefault(), today);
                terms += c.intent().filters().get(0).terms().size();
            }
            best = Math.min(best, ms(t0));
            bestCpu = Math.min(bestCpu, (mx.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
        }
        assertThat(terms).isEqualTo(DEVICES * 3);
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                "policy load cold (YANG schema build + parse): %d ms wall (thread CPU so far %d ms)%n",
                coldMs, coldCpuMs);
        System.out.printf("policy load warm: %d ms%n", warmMs);
        System.out.printf(
                "inventory load, %d hosts: %d ms (again: %d ms; YAML parse alone: %d ms)%n",
                DEVICES, invMs, invWarmMs, yamlMs);
        System.out.printf("inventory load CPU: %d ms%n", invCpuMs);
        System.out.printf("compile %d devices (best of 5): %d ms wall, %d ms CPU%n", DEVICES, best, bestCpu);
        System.out.printf(
                "load average during the run: %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.out.printf("heap used after: %d MB%n", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
