package io.portcullis.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a JVM process holds, read from outside as an operator would: live heap after a full GC ({@code jcmd PID
 * GC.class_histogram} collects before it counts, whatever the collector), threads and RSS from {@code /proc/PID/status},
 * open file descriptors from {@code /proc/PID/fd}.
 */
public final class ProcessStats {
    /** One sample; heapBytes is -1 when jcmd could not attach. */
    public record Sample(Instant at, long heapBytes, int threads, int fds, long rssKb) {
        public double heapMb() {
            return heapBytes / (1024.0 * 1024.0);
        }
    }

    private ProcessStats() {}

    public static Sample sample(long pid) throws IOException, InterruptedException {
        long heap = liveHeapAfterGc(pid);
        String status = Files.readString(Path.of("/proc", String.valueOf(pid), "status"));
        int threads = (int) field(status, "Threads");
        long rss = field(status, "VmRSS");
        int fds;
        try (var s = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            fds = (int) s.count();
        }
        return new Sample(Instant.now(), heap, threads, fds, rss);
    }

    /** The "Total" line of a class histogram of live objects (the histogram runs a full GC first), or -1. */
    static long liveHeapAfterGc(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.class_histogram")
                .redirectErrorStream(true)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            return -1;
        }
        List<String> lines = new String(out, StandardCharsets.UTF_8).lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] f = lines.get(i).trim().split("\\s+");
            if (f.length == 3 && f[0].equals("Total")) {
                return Long.parseLong(f[2]);
            }
        }
        return -1;
    }

    private static long field(String status, String name) {
        return status.lines()
                .filter(l -> l.startsWith(name + ":"))
                .findFirst()
                .map(l -> Long.parseLong(l.substring(name.length() + 1).trim().split("\\s+")[0]))
                .orElse(-1L);
    }
}
