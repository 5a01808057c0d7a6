package io.portcullis.soak;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How long and how hard one soak runs. {@code minutes} is the fault phase (the set-up before it and the drain and
 * final checks after it come on top); the intervals are means of exponentially distributed gaps drawn from the seed.
 *
 * @param faultEvery   mean gap between two injected faults
 * @param oobEvery     mean gap between two out-of-band changes
 * @param applyEvery   gap between the end of one CI apply and the start of the next
 * @param driftPeriod  serve's scheduled full check ({@code portcullis.drift.period})
 * @param sampleEvery  how often both serve processes' heap, threads and file descriptors are sampled
 * @param routerKeepalive the lab routers' SSH keepalive wait (three unanswered probes end a half-open session, which frees
 *                        its lock and discards its edits): ietf-ssh-server's 30 s for big fleets, 5 s for short runs
 */
public record SoakSettings(
        double minutes,
        int routers,
        long seed,
        Duration faultEvery,
        Duration oobEvery,
        Duration applyEvery,
        Duration driftPeriod,
        Duration sampleEvery,
        int parallel,
        String serveHeap,
        Duration routerKeepalive,
        Path state) {

    /** The script's defaults for a fleet of {@code routers}, scaled so that the machine is busy but not drowned. */
    public static SoakSettings of(double minutes, int routers, long seed, Path state) {
        boolean big = routers > 300;
        return new SoakSettings(
                minutes,
                routers,
                seed,
                Duration.ofMillis(big ? 1500 : 2500),
                Duration.ofMillis(big ? 6000 : 5000),
                Duration.ofSeconds(big ? 60 : 20),
                Duration.ofSeconds(big ? 120 : 30),
                sampleEvery(minutes, big),
                big ? 50 : 20,
                big ? "512m" : "256m",
                Duration.ofSeconds(big ? 30 : 5),
                state);
    }

    /**
     * 30 s for big fleets; for short runs a tenth of the fault phase (5–15 s), so that a 1.25-minute CI soak still gets
     * the three samples after warm-up its flatness checks need when a sample itself takes seconds on a loaded machine.
     */
    private static Duration sampleEvery(double minutes, boolean big) {
        return big
                ? Duration.ofSeconds(30)
                : Duration.ofMillis(Math.max(5_000, Math.min(15_000, Math.round(minutes * 6_000))));
    }

    public Duration faultPhase() {
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }
}
