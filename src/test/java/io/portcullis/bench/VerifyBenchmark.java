package io.portcullis.bench;

import io.portcullis.compile.CompiledRouter;
import io.portcullis.engine.Workspace;
import io.portcullis.intent.FilterIntent;
import io.portcullis.inventory.Device;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.registry.Platforms;
import io.portcullis.verify.Equivalence;
import io.portcullis.verify.EquivalenceResult;
import io.portcullis.verify.VerificationResult;
import io.portcullis.verify.Verifier;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The performance benchmark (a command, not a timed test): writes a synthetic inventory of
 * N devices of mixed platforms, then runs validate (policy YANG + inventory load) + compile +
 * render + read-back + verify (compiled IR and read-back) for all of them, and a cross-platform
 * equivalence check. Prints wall time per phase, per-device latency of one full verify and of the
 * verifier alone (median/p99), and the peak heap. Run with {@code scripts/bench-verify.sh}.
 *
 * <p>Arguments: {@code [--devices N] [--threads T] [--policy PATH]}.
 */
public final class VerifyBenchmark {
    private static final String[][] SHAPES = {
        {"junos", "ge-1/0/%d.100", "PPPOE-SUB-%d"},
        {"iosxr", "Bundle-Ether%d.100", "IPOE-SUB-%d"},
        {"sros", null, "RESIDENTIAL-%d"},
        {"vrp", null, null}, // Portcullis writes no VRP bindings (Huawei binding YANG unavailable)
        {"openconfig", "Ethernet%d/1.100", null},
        {"ietf", "eth%d.100", null}
    };

    private VerifyBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchLogging.likeTheProduct();
        int devices = intArg(args, "--devices", 10_000);
        int threads = intArg(args, "--threads", Runtime.getRuntime().availableProcessors());
        Path policy = Path.of(stringArg(args, "--policy", "policy"));
        List<String> platforms = Arrays.stream(SHAPES)
                .map(s -> s[0])
                .filter(VerifyBenchmark::available)
                .toList();
        Path inventory = writeInventory(devices, platforms);
        System.out.printf(
                Locale.ROOT,
                "portcullis verify benchmark: %,d devices (%s), %d threads, %d cores, java %s%n",
                devices,
                String.join("/", platforms),
                threads,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version());

        long t0 = System.nanoTime();
        Workspace w = Workspace.load(policy, inventory, null, LocalDate.now(ZoneOffset.UTC));
        if (w.hasErrors()) {
            w.diagnostics().forEach(d -> System.out.println(d.format()));
            throw new IllegalStateException("synthetic inventory or policy is invalid");
        }
        long tValidate = System.nanoTime() - t0;

        List<Device> all = w.devices();
        long[] fullNanos = new long[all.size()];
        long[] verifyNanos = new long[all.size()];
        long[] fullCpu = new long[all.size()];
        long[] verifyCpu = new long[all.size()];
        long cpu0 = processCpu();
        long[] phase = new long[5]; // compile, verify compiled, render, read, verify read-back (summed CPU-side)
        FilterIntent[] readBacks = new FilterIntent[all.size()];
        AtomicInteger failures = new AtomicInteger();
        long tPipeline = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench");
            t.setDaemon(true); // a failing device must not keep the JVM alive
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        int chunk = Math.max(1, all.size() / (threads * 8));
        for (int from = 0; from < all.size(); from += chunk) {
            int lo = from;
            int hi = Math.min(all.size(), from + chunk);
            futures.add(pool.submit(() -> {
                long[] local = new long[5];
                for (int i = lo; i < hi; i++) {
                    try {
                        long ca = CPU.getCurrentThreadCpuTime();
                        long a = System.nanoTime();
                        CompiledRouter c = w.compile(all.get(i));
                        long b = System.nanoTime();
                        long cb = CPU.getCurrentThreadCpuTime();
                        VerificationResult compiled = Verifier.verify(c.intent(), c.promise());
                        long cc = System.nanoTime();
                        long ccc = CPU.getCurrentThreadCpuTime();
                        PlatformAdapter adapter = Platforms.get(c.device().platform());
                        String xml = adapter.renderConfig(c.intent());
                        long d = System.nanoTime();
                        long cd = CPU.getCurrentThreadCpuTime();
                        FilterIntent back = adapter.read(c.name(), xml).intent();
                        long e = System.nanoTime();
                        long ce = CPU.getCurrentThreadCpuTime();
                        VerificationResult proof = Verifier.verify(back, c.promise());
                        long f = System.nanoTime();
                        long cf = CPU.getCurrentThreadCpuTime();
                        if (!compiled.proven() || !proof.proven()) {
                            failures.incrementAndGet();
                        }
                        readBacks[i] = back;
                        local[0] += cb - ca;
                        local[1] += ccc - cb;
                        local[2] += cd - ccc;
                        local[3] += ce - cd;
                        local[4] += cf - ce;
                        fullNanos[i] = f - a;
                        verifyNanos[i] = f - e;
                        fullCpu[i] = cf - ca;
                        verifyCpu[i] = cf - ce;
                    } catch (RuntimeException ex) {
                        if (failures.incrementAndGet() == 1) {
                            System.out.println("first failure: " + all.get(i).name() + ": " + ex.getMessage());
                        }
                    }
                }
                synchronized (phase) {
                    for (int k = 0; k < 5; k++) {
                        phase[k] += local[k];
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        tPipeline = System.nanoTime() - tPipeline;

        long tEq = System.nanoTime();
        Map<String, FilterIntent> onePerPlatform = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            if (readBacks[i] != null) {
                onePerPlatform.putIfAbsent(all.get(i).platform(), readBacks[i]);
            }
        }
        EquivalenceResult eq = Equivalence.compare(new ArrayList<>(onePerPlatform.values()), List.of());
        tEq = System.nanoTime() - tEq;
        long total = tValidate + tPipeline + tEq;
        long cpuPipeline = processCpu() - cpu0;

        System.out.printf(
                Locale.ROOT, "validate (policy YANG + %,d-host inventory): %8.0f ms%n", devices, ms(tValidate));
        System.out.printf(
                Locale.ROOT,
                "compile+verify+render+read-back+verify:     %8.0f ms wall (%d threads)%n",
                ms(tPipeline),
                threads);
        System.out.printf(
                Locale.ROOT,
                "  process CPU for this phase: %.1f s (on an idle %d-core machine ≈ %.1f s wall)%n",
                cpuPipeline / 1e9,
                Runtime.getRuntime().availableProcessors(),
                cpuPipeline / 1e9 / Runtime.getRuntime().availableProcessors());
        System.out.printf(
                Locale.ROOT,
                "  thread CPU: compile %.0f ms, verify IR %.0f ms, render %.0f ms, read-back %.0f ms, verify read-back %.0f ms%n",
                ms(phase[0]),
                ms(phase[1]),
                ms(phase[2]),
                ms(phase[3]),
                ms(phase[4]));
        System.out.printf(
                Locale.ROOT,
                "cross-platform equivalence (%d platforms):  %8.1f ms, %s%n",
                onePerPlatform.size(),
                ms(tEq),
                eq.equivalent()
                        ? "equivalent"
                        : "DIFFERENT: " + eq.differences().get(0).describe());
        System.out.printf(Locale.ROOT, "TOTAL wall time: %.2f s for %,d devices%n", total / 1e9, devices);
        System.out.printf(
                Locale.ROOT,
                "one device, full pipeline (compile→verify→render→read→verify): median %.3f ms, p99 %.3f ms, max %.3f ms%n",
                pct(fullNanos, 50),
                pct(fullNanos, 99),
                pct(fullNanos, 100));
        System.out.printf(
                Locale.ROOT,
                "one device, verifier only (read-back proof):                  median %.3f ms, p99 %.3f ms, max %.3f ms%n",
                pct(verifyNanos, 50),
                pct(verifyNanos, 99),
                pct(verifyNanos, 100));
        System.out.printf(
                Locale.ROOT,
                "  same, thread CPU time: full pipeline median %.3f ms, p99 %.3f ms; verifier median %.3f ms, p99 %.3f ms%n",
                pct(fullCpu, 50),
                pct(fullCpu, 99),
                pct(verifyCpu, 50),
                pct(verifyCpu, 99));
        System.out.printf(
                Locale.ROOT,
                "process CPU total: %.1f s; load average at end: %.1f%n",
                processCpu() / 1e9,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(
                Locale.ROOT,
                "peak heap used: %.0f MiB (max heap %.0f MiB)%n",
                peakHeap() / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
        System.out.printf(Locale.ROOT, "devices not proven: %d%n", failures.get());
        deleteTree(inventory);
        if (failures.get() > 0 || !eq.equivalent()) {
            System.exit(3);
        }
    }

    private static boolean available(String platform) {
        try {
            Platforms.get(platform).renderText(new FilterIntent("probe", platform, List.of(), List.of()));
            return true;
        } catch (UnsupportedOperationException e) {
            System.out.println("note: " + platform + " adapter not implemented in this build; left out");
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** hosts.yaml with N devices cycling over the platforms; groups/defaults like the example inventory. */
    private static Path writeInventory(int n, List<String> platforms) throws IOException {
        Path dir = Files.createTempDirectory("portcullis-bench-inventory");
        Files.writeString(
                dir.resolve("defaults.yaml"),
                "port: 830\nhost-key-checking: strict\nusername: portcullis\n"
                        + "password-env: PORTCULLIS_BENCH_PASSWORD\n");
        Files.writeString(dir.resolve("groups.yaml"), "bng:\n  timeout: 30\n");
        StringBuilder hosts = new StringBuilder(n * 160);
        for (int i = 0; i < n; i++) {
            String platform = platforms.get(i % platforms.size());
            String[] shape = Arrays.stream(SHAPES)
                    .filter(s -> s[0].equals(platform))
                    .findFirst()
                    .orElseThrow();
            int slot = i % 7 + 1;
            hosts.append("bench-")
                    .append(i)
                    .append(":\n  hostname: 10.")
                    .append(i >> 16 & 255)
                    .append('.')
                    .append(i >> 8 & 255)
                    .append('.')
                    .append(i & 255)
                    .append("\n  platform: ")
                    .append(platform)
                    .append("\n  groups: [bng]\n");
            if (shape[1] != null || shape[2] != null) {
                hosts.append("  attach:\n");
            }
            if (shape[1] != null) {
                hosts.append("    interfaces: [")
                        .append(String.format(Locale.ROOT, shape[1], slot))
                        .append("]\n");
            }
            if (shape[2] != null) {
                hosts.append("    profiles: [")
                        .append(String.format(Locale.ROOT, shape[2], slot))
                        .append("]\n");
            }
        }
        Files.writeString(dir.resolve("hosts.yaml"), hosts);
        return dir;
    }

    private static final java.lang.management.ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double pct(long[] nanos, int p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int idx = Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1);
        return s[Math.max(0, idx)] / 1e6;
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static int intArg(String[] args, String name, int dflt) {
        String v = stringArg(args, name, null);
        return v == null ? dflt : Integer.parseInt(v);
    }

    private static String stringArg(String[] args, String name, String dflt) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }
}
