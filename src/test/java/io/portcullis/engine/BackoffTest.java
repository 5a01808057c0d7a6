package io.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.portcullis.engine.drift.Backoff;
import io.portcullis.engine.drift.ChangeWatcher;
import io.portcullis.engine.fake.TestTargets;
import io.portcullis.engine.router.ConfigChange;
import io.portcullis.engine.router.RouterConnector;
import io.portcullis.engine.router.RouterException;
import io.portcullis.engine.router.RouterSession;
import io.portcullis.engine.router.Subscription;
import io.portcullis.engine.targets.Target;
import io.portcullis.inventory.Device;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** D.1 #12: reconnect backoff is exponential, capped and jittered; the watcher really uses it. */
class BackoffTest {
    private static final Duration MIN = Duration.ofMillis(1000);
    private static final Duration MAX = Duration.ofMillis(60_000);

    @Test
    void ceilingDoublesPerFailureUpToTheCap() {
        Backoff b = new Backoff(MIN, MAX, new Random(1));
        List<Long> ceilings = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            ceilings.add(b.ceilingMillis(n));
        }
        assertThat(ceilings).containsExactly(2000L, 4000L, 8000L, 16_000L, 32_000L, 60_000L, 60_000L, 60_000L);
        assertThat(b.ceilingMillis(Integer.MAX_VALUE))
                .as("no overflow however long it fails")
                .isEqualTo(60_000L);
    }

    @Test
    void drawsSpreadUniformlyBetweenMinAndTheCeiling() {
        Backoff b = new Backoff(MIN, MAX, new Random(12345));
        for (int n : new int[] {1, 3, 10}) {
            long ceiling = b.ceilingMillis(n);
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            double sum = 0;
            Set<Long> distinct = new HashSet<>();
            int draws = 20_000;
            for (int i = 0; i < draws; i++) {
                long d = b.delayMillis(n);
                assertThat(d).isBetween(MIN.toMillis(), ceiling);
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
                sum += d;
                distinct.add(d);
            }
            long range = ceiling - MIN.toMillis();
            assertThat(lo).as("draws reach near min after %d failures", n).isLessThan(MIN.toMillis() + range / 50);
            assertThat(hi)
                    .as("draws reach near the ceiling after %d failures", n)
                    .isGreaterThan(ceiling - range / 50);
            assertThat(sum / draws)
                    .as("mean is mid-range (uniform)")
                    .isCloseTo((MIN.toMillis() + ceiling) / 2.0, org.assertj.core.data.Offset.offset(range * 0.03));
            assertThat(distinct.size())
                    .as("jitter: many distinct delays")
                    .isGreaterThan(Math.min(draws / 4, (int) range / 4));
        }
    }

    @Test
    void pinnedRandomGivesTheExactBounds() {
        assertThat(new Backoff(MIN, MAX, fixed(Choice.LOWEST)).delayMillis(4)).isEqualTo(1000L);
        assertThat(new Backoff(MIN, MAX, fixed(Choice.HIGHEST)).delayMillis(4)).isEqualTo(16_000L);
        assertThat(new Backoff(MIN, MAX, fixed(Choice.HIGHEST)).delayMillis(40)).isEqualTo(60_000L);
    }

    @Test
    void rejectsNonsenseBounds() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, MAX)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(MAX, MIN)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The watcher retries a router whose subscription cannot be opened with the injected backoff: the random
     * source sees the first-connect spread, then bounds that grow with each failure and stop at the cap.
     */
    @Test
    void changeWatcherRetriesAFailingRouterWithGrowingCappedJitteredDelays() {
        List<Long> bounds = Collections.synchronizedList(new ArrayList<>());
        RandomGenerator recording = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                bounds.add(bound);
                return 0; // the shortest wait, so the test runs fast
            }
        };
        AtomicInteger attempts = new AtomicInteger();
        RouterConnector down = new RouterConnector() {
            @Override
            public RouterSession open(Device device) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Subscription subscribe(Device device, java.util.function.Consumer<ConfigChange> onChange) {
                attempts.incrementAndGet();
                throw new RouterException(
                        RouterException.Kind.CONNECTION_REFUSED, device.name() + ": connection refused");
            }
        };
        Target t = new Target(
                TestTargets.device("r1", false),
                TestTargets.intent("r1", TestTargets.seedTerms()),
                TestTargets.promise());
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (ChangeWatcher w = new ChangeWatcher(
                    down, c -> {}, new Backoff(Duration.ofMillis(5), Duration.ofMillis(40), recording))) {
                w.watch(List.of(t));
                while (attempts.get() < 6) {
                    Thread.sleep(5);
                }
                assertThat(w.subscribed()).isZero();
            }
        });
        // nextLong(bound) is asked for ceiling - min + 1: spread 1000, then ceilings 10, 20, 40, 40, ... ms
        assertThat(bounds.subList(0, 6)).containsExactly(1000L, 6L, 16L, 36L, 36L, 36L);
    }

    /** Which end of the jitter a pinned generator picks (also used by ChangeWatcherResubscribeTest). */
    enum Choice {
        LOWEST,
        HIGHEST
    }

    static RandomGenerator fixed(Choice c) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return c == Choice.LOWEST ? 0 : bound - 1;
            }
        };
    }
}
