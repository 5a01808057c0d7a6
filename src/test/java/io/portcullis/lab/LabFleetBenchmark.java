package io.portcullis.lab;

import io.portcullis.lab.device.SimDevice;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (not part of the suite): 1,000 simulated devices in one JVM. Measures fleet start time, heap
 * per idle device, then hello + get-config on every device with bounded concurrency through one shared
 * MINA client, and heap per idle NETCONF session (client and server side both in this JVM).
 * Run: {@code mvn -q -o test -Dtest=LabFleetBenchmark -Dgroups=bench -DexcludedGroups= -Dlab.bench.devices=1000}
 */
@Tag("bench")
class LabFleetBenchmark {
    @Test
    void fleet() throws Exception {
        int n = Integer.getInteger("lab.bench.devices", 1000);
        int concurrency = Integer.getInteger("lab.bench.concurrency", 50);
        long heap0 = usedHeapAfterGc();
        int threads0 = Thread.activeCount();
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        try (LabFleet fleet = LabFleet.builder().devices(n).password("bench").start()) {
            long startMs = (System.nanoTime() - t0) / 1_000_000;
            long startCpuMs = (cpu() - cpu0) / 1_000_000;
            long heapFleet = usedHeapAfterGc();
            int threadsFleet = Thread.activeCount();
            Map<Integer, SimDevice> byPort = new ConcurrentHashMap<>();
            fleet.devices().forEach(d -> byPort.put(d.port(), d));
            SshClient client = SshClient.setUpDefaultClient();
            client.setServerKeyVerifier((session, addr, key) -> addr instanceof InetSocketAddress a
                    && byPort.containsKey(a.getPort())
                    && KeyUtils.compareKeys(byPort.get(a.getPort()).hostKey().getPublic(), key));
            client.start();
            List<TestClient> open = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            long cpu1 = cpu();
            long t1 = System.nanoTime();
            List<Future<Long>> results = new ArrayList<>();
            for (SimDevice d : fleet.devices()) {
                results.add(pool.submit(() -> {
                    long s = System.nanoTime();
                    TestClient c = TestClient.connectShared(client, fleet, d);
                    String reply = c.rpc(Payloads.GET_RUNNING);
                    if (reply == null || !reply.contains("<data>")) {
                        throw new IllegalStateException(d.name() + " did not answer get-config");
                    }
                    open.add(c);
                    return System.nanoTime() - s;
                }));
            }
            List<Long> perDevice = new ArrayList<>();
            for (Future<Long> f : results) {
                perDevice.add(f.get(120, TimeUnit.SECONDS));
            }
            long connectAllMs = (System.nanoTime() - t1) / 1_000_000;
            long connectCpuMs = (cpu() - cpu1) / 1_000_000;
            pool.shutdown();
            Collections.sort(perDevice);
            long heapSessions = usedHeapAfterGc();
            int threadsSessions = Thread.activeCount();
            System.out.printf(
                    "lab bench: %d devices (%s)%n",
                    n,
                    String.join(
                            ",",
                            fleet.devices().stream()
                                    .limit(6)
                                    .map(SimDevice::platform)
                                    .toList()));
            System.out.printf(
                    "  load average at start: %.1f%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf(
                    "  fleet start: %d ms wall, %d ms process CPU; heap %.1f MB -> %.1f MB = %.1f KB per idle device; threads %d -> %d%n",
                    startMs,
                    startCpuMs,
                    heap0 / 1e6,
                    heapFleet / 1e6,
                    (heapFleet - heap0) / 1024.0 / n,
                    threads0,
                    threadsFleet);
            System.out.printf(
                    "  hello+get-config on all: %d ms wall, %d ms process CPU (client+server) at concurrency %d; per device p50 %.1f ms p99 %.1f ms%n",
                    connectAllMs,
                    connectCpuMs,
                    concurrency,
                    perDevice.get(n / 2) / 1e6,
                    perDevice.get(Math.min(n - 1, n * 99 / 100)) / 1e6);
            System.out.printf(
                    "  %d idle sessions open: heap %.1f MB = %.1f KB per session (client+server in one JVM); threads %d%n",
                    open.size(),
                    heapSessions / 1e6,
                    (heapSessions - heapFleet) / 1024.0 / open.size(),
                    threadsSessions);
            for (TestClient c : open) {
                c.close();
            }
            client.stop();
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
