package io.portcullis.soak;

import io.portcullis.testing.ProcessStats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Heap after GC, threads and open file descriptors of one serve process over the soak: samples during the fault phase
 * after warm-up (the baseline is the lowest of the first {@value #MIN}) and at the end, after the drain (the lowest of
 * those). Growth of more than 10 % from baseline to end fails the soak: over a longer run that is a leak.
 *
 * <p>Floors, not medians: each sample is what is live at one instant, and that includes whatever work is in flight (a
 * full check of 1,000 routers holds their plans; a CI run's notifications queue checks), so a busy moment adds 10–30 MB
 * that is no leak. The 30-minute soak of 2026-12-07 04:04 failed on medians at +19.2 % (86.4 → 103.0 MB) while its 52
 * samples swung between 86 and 112 MB with no trend; its floors were 86.4 and 90.3 (+4.5 %). A leak raises every
 * sample, the floor with them. On a loaded
 * machine one sample (jcmd attaching, a full GC, a class histogram) can take 10 s or more, so a short run may end its
 * fault phase with fewer than {@value #MIN}: the sampler then goes on during the drain until it has them (marked "late";
 * the baseline is then nearer the end, which the seen text says), rather than judging on fewer or not at all.
 */
final class ResourceSamples {
    static final double MAX_GROWTH = 0.10;
    /** Samples the baseline needs: the lowest of three is one moment with little in flight. */
    static final int MIN = 3;

    private final String replica;
    private final List<ProcessStats.Sample> soak = new ArrayList<>();
    private final List<ProcessStats.Sample> end = new ArrayList<>();
    private int late;

    ResourceSamples(String replica) {
        this.replica = replica;
    }

    /** A sample after warm-up; {@code late}: taken during the drain because the fault phase ended with too few. */
    synchronized void duringSoak(ProcessStats.Sample s, boolean late) {
        soak.add(s);
        if (late) {
            this.late++;
        }
    }

    synchronized void atEnd(ProcessStats.Sample s) {
        end.add(s);
    }

    String replica() {
        return replica;
    }

    synchronized List<ProcessStats.Sample> soak() {
        return List.copyOf(soak);
    }

    /** Checks heap, threads and fds; the seen text gives start→end for each. */
    synchronized void judge(Verdict v) {
        if (soak.size() < MIN || end.isEmpty()) {
            v.check(
                    replica + ": heap/threads/fds flat",
                    false,
                    "too few samples (" + soak.size() + " during the soak, " + end.size() + " at the end)");
            return;
        }
        List<ProcessStats.Sample> base = soak.subList(0, MIN);
        judge(v, "heap after GC (MB)", base, s -> s.heapMb());
        judge(v, "threads", base, s -> s.threads());
        judge(v, "open fds", base, s -> s.fds());
    }

    private void judge(
            Verdict v, String what, List<ProcessStats.Sample> base, ToDoubleFunction<ProcessStats.Sample> f) {
        double b = floor(base, f);
        double e = floor(end, f);
        double max = soak.stream().mapToDouble(f).max().orElse(0);
        double growth = b <= 0 ? 0 : e / b - 1;
        v.check(
                replica + ": " + what + " flat (<= +10 %)",
                b > 0 && growth <= MAX_GROWTH,
                String.format(
                        "%.1f -> %.1f (%+.1f %%; max during soak %.1f; %d samples%s)",
                        b,
                        e,
                        growth * 100,
                        max,
                        soak.size() + end.size(),
                        late == 0 ? "" : ", " + late + " of the baseline's taken during the drain"));
    }

    private static double floor(List<ProcessStats.Sample> list, ToDoubleFunction<ProcessStats.Sample> f) {
        return list.stream().mapToDouble(f).min().orElse(0);
    }

    /** Every sample as CSV lines (replica, phase, epoch seconds, heap bytes, threads, fds, rss KB). */
    synchronized List<String> csv() {
        List<String> out = new ArrayList<>();
        soak.forEach(s -> out.add(line("soak", s)));
        end.forEach(s -> out.add(line("end", s)));
        return out;
    }

    private String line(String phase, ProcessStats.Sample s) {
        return replica + "," + phase + "," + s.at().getEpochSecond() + "," + s.heapBytes() + "," + s.threads() + ","
                + s.fds() + "," + s.rssKb();
    }
}
