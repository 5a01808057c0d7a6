package io.portcullis.platform;

import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.registry.Platforms;
import io.portcullis.testing.DefaultPolicyIntents;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (tag "bench", excluded from the suite): render and read-back cost per device for vrp,
 * openconfig and ietf on the default policy with the SMTP exemption. Prints wall and thread-CPU
 * time per operation after a warm-up. Run:
 * {@code mvn -q -o test -Dtest=RenderReadBenchmark -Dgroups=bench -DexcludedGroups=}
 */
@Tag("bench")
class RenderReadBenchmark {
    private static final int RENDERS = 10_000;
    private static final int READS = 2_000;

    @Test
    void renderAndReadPerDevice() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String id : List.of("vrp", "openconfig", "ietf")) {
            PlatformAdapter a = Platforms.get(id);
            FilterIntent ir = DefaultPolicyIntents.withExemption(id, a.facts().implicitDefault());
            String xml = a.renderConfig(ir);
            for (int i = 0; i < 2_000; i++) {
                a.renderConfig(ir);
                a.read("d", xml);
            }
            long w0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < RENDERS; i++) {
                a.renderConfig(ir);
            }
            long w1 = System.nanoTime();
            long c1 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < READS; i++) {
                a.read("d", xml);
            }
            long w2 = System.nanoTime();
            long c2 = mx.getCurrentThreadCpuTime();
            System.out.printf(
                    "%-10s payload %6d chars | render: %7.1f us wall %7.1f us cpu | read: %7.1f us wall %7.1f us cpu%n",
                    id,
                    xml.length(),
                    (w1 - w0) / 1e3 / RENDERS,
                    (c1 - c0) / 1e3 / RENDERS,
                    (w2 - w1) / 1e3 / READS,
                    (c2 - c1) / 1e3 / READS);
        }
    }
}
