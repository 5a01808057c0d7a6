package io.portcullis.bench;

import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.netconf.ClientSettings;
import io.portcullis.netconf.Credential;
import io.portcullis.netconf.Endpoint;
import io.portcullis.netconf.NetconfClient;
import io.portcullis.netconf.NetconfSession;
import io.portcullis.netconf.rpc.Datastore;
import io.portcullis.netconf.rpc.GetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * N simulated routers (mixed platforms) in this JVM: connect, hello and get-config on every one with at most C at a
 * time; then every session stays open and idle while the heap is measured. Client and simulator share the JVM, so
 * the memory per idle session counts both ends. Run through {@code scripts/bench-netconf.sh fleet [N] [C]}.
 */
public final class FleetBench {
    public static void main(String[] args) throws Exception {
        BenchLogging.likeTheProduct();
        int n = Integer.parseInt(CycleBench.arg(args, "--devices", "1000"));
        int c = Integer.parseInt(CycleBench.arg(args, "--concurrency", "64"));
        Runtime rt = Runtime.getRuntime();
        try (LabFleet fleet = LabFleet.builder().devices(n).start();
                NetconfClient client = NetconfClient.create(ClientSettings.defaults()
                        .withConnectTimeout(java.time.Duration.ofSeconds(30))
                        .withAuthTimeout(java.time.Duration.ofSeconds(30))
                        .withHelloTimeout(java.time.Duration.ofSeconds(30)))) {
            Path kh = Files.createTempFile("bench-fleet", ".known_hosts");
            Files.writeString(kh, fleet.knownHosts());
            char[] pw = fleet.password().toCharArray();
            long heapBefore = usedHeap(rt);
            ConcurrentLinkedQueue<NetconfSession> open = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(c);
            List<Future<Double>> results = new ArrayList<>();
            var os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            for (SimDevice d : fleet.devices()) {
                results.add(pool.submit(() -> {
                    long s0 = System.nanoTime();
                    NetconfSession s = client.connect(
                            Endpoint.of("127.0.0.1", d.port(), fleet.username(), Credential.password(pw), kh));
                    open.add(s);
                    if (s.execute(GetConfig.of(Datastore.RUNNING)).data() == null) {
                        throw new IllegalStateException(d.name() + " answered get-config without data");
                    }
                    return (System.nanoTime() - s0) / 1e6;
                }));
            }
            List<Double> perDevice = new ArrayList<>();
            int failed = 0;
            for (Future<Double> f : results) {
                try {
                    perDevice.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    failed++;
                    if (failed <= 3) {
                        System.out.println("failure: " + e.getCause().getMessage());
                    }
                }
            }
            double wallS = (System.nanoTime() - t0) / 1e9;
            double cpuS = (os.getProcessCpuTime() - cpu0) / 1e9;
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            long heapAfter = usedHeap(rt);
            int threads = Thread.activeCount();
            System.out.printf(
                    Locale.ROOT,
                    "%d simulated routers, concurrency %d: connect+hello+get-config on all in %.2f s "
                            + "(%d ok, %d failed)%n",
                    n,
                    c,
                    wallS,
                    perDevice.size(),
                    failed);
            System.out.println(Stats.of(perDevice).line("per device"));
            System.out.printf(
                    Locale.ROOT,
                    "process CPU during the run: %.1f s (%.1f ms per device, client + simulator); "
                            + "on 2 idle cores that is %.1f s of wall time; load average %.1f%n",
                    cpuS,
                    cpuS * 1000 / n,
                    cpuS / 2,
                    os.getSystemLoadAverage());
            System.out.printf(
                    Locale.ROOT,
                    "idle sessions open: %d; heap %.1f MB -> %.1f MB: %.1f KB per idle session "
                            + "(client + simulator, one JVM); live threads %d%n",
                    open.size(),
                    heapBefore / 1e6,
                    heapAfter / 1e6,
                    (heapAfter - heapBefore) / 1024.0 / Math.max(1, open.size()),
                    threads);
            long c0 = System.nanoTime();
            open.forEach(NetconfSession::close);
            System.out.printf(Locale.ROOT, "closed all sessions in %.2f s%n", (System.nanoTime() - c0) / 1e9);
            Files.deleteIfExists(kh);
        }
    }

    private static long usedHeap(Runtime rt) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private FleetBench() {}
}
