package io.portcullis.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.portcullis.counters.CounterRead;
import io.portcullis.counters.TermCount;
import io.portcullis.engine.counters.CounterSample;
import io.portcullis.engine.counters.CounterSampler;
import io.portcullis.engine.targets.Target;
import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.store.Backend;
import io.portcullis.store.BufferedCounterSamples;
import io.portcullis.store.CounterDelta;
import io.portcullis.store.CounterSamples;
import io.portcullis.store.JdbcCounterSamples;
import io.portcullis.store.StoreException;
import io.portcullis.store.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The counter history through the database (pcl_counter_sample, V7) on H2 and PostgreSQL, as replicas share it: a
 * follower charts exactly the leader's intervals (per series and family, with the fleet's last-hour sums and the
 * "no enforcement observed" hint), a restarted leader starts from them and appends its own, and while the database
 * is down the leader keeps sampling and charting from memory and writes the intervals once it is back. Without a
 * database the history stays in memory (CounterSamplingTest).
 */
class CounterHistorySharingTest {
    @TempDir
    Path tmp;

    private TestDatabase db;
    /** Each router's SMTP counter (ipv4 and, halved, ipv6) and its accept term's. */
    private final Map<String, Long> smtp = new ConcurrentHashMap<>();

    private final AtomicLong clock =
            new AtomicLong(Instant.parse("2025-03-01T10:00:00Z").toEpochMilli());

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    /** A sampler reading {@link #smtp}, one minute later at every round. */
    private final CounterSampler sampler = targets -> {
        Instant at = Instant.ofEpochMilli(clock.addAndGet(60_000));
        return targets.stream()
                .map(t -> {
                    long n = smtp.get(t.name());
                    return new CounterSample(
                            t.name(),
                            "openconfig",
                            at,
                            new CounterRead(
                                    List.of(
                                            new TermCount(
                                                    "V4",
                                                    AddressFamily.IPV4,
                                                    "deny-smtp",
                                                    Action.DISCARD,
                                                    n,
                                                    n * 64,
                                                    null),
                                            new TermCount(
                                                    "V6",
                                                    AddressFamily.IPV6,
                                                    "deny-smtp",
                                                    Action.DISCARD,
                                                    n / 2,
                                                    null,
                                                    null),
                                            new TermCount(
                                                    "V4",
                                                    AddressFamily.IPV4,
                                                    "accept-rest",
                                                    Action.ACCEPT,
                                                    n * 10,
                                                    null,
                                                    null)),
                                    true,
                                    null,
                                    null),
                            "test");
                })
                .toList();
    };

    private DataSource open(Backend b) {
        db = TestDatabase.open(b, tmp);
        return db.dataSource();
    }

    private BufferedCounterSamples buffered(CounterSamples store) {
        BufferedCounterSamples buf = new BufferedCounterSamples(store, 100_000, Duration.ofMillis(50));
        return db.closing(buf);
    }

    private void grow(long a, long b, long c) {
        smtp.merge("a", a, Long::sum);
        smtp.merge("b", b, Long::sum);
        smtp.merge("c", c, Long::sum);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aFollowerAndARestartedLeaderChartTheLeadersSamples(Backend b) {
        DataSource ds = open(b);
        smtp.putAll(Map.of("a", 1000L, "b", 1000L, "c", 1000L));
        List<Target> targets = List.of(
                CounterSamplingTest.target("a"), CounterSamplingTest.target("b"), CounterSamplingTest.target("c"));

        AtomicBoolean down = new AtomicBoolean();
        BufferedCounterSamples leaderStore = buffered(new Switchable(new JdbcCounterSamples(() -> ds), down));
        DropHistory leader = new DropHistory(100).shared(leaderStore, "replica-a", Duration.ZERO);
        CounterRounds rounds = new CounterRounds(sampler, leader, new SimpleMeterRegistry());
        rounds.round(targets); // baseline
        grow(100, 40, 0);
        rounds.round(targets);
        grow(200, 60, 0);
        rounds.round(targets);
        List<DropHistory.Interval> onLeader = leader.intervals("a");
        assertThat(onLeader).hasSize(2);
        assertThat(onLeader.get(1).dropped()).containsEntry("SMTP ipv4", 200L).containsEntry("SMTP ipv6", 100L);
        assertThat(leaderStore.flush(Duration.ofSeconds(20))).isTrue();

        // a follower (nothing sampled, nothing in memory) charts the same intervals, the same fleet hour and the same
        // hint
        DropHistory follower =
                new DropHistory(100).shared(new JdbcCounterSamples(() -> ds), "replica-b", Duration.ZERO);
        for (String r : List.of("a", "b", "c")) {
            assertThat(follower.intervals(r)).as(r).isEqualTo(leader.intervals(r));
        }
        Instant hourAgo = Instant.ofEpochMilli(clock.get()).minus(Duration.ofHours(1));
        assertThat(follower.window(hourAgo).dropped())
                .isEqualTo(leader.window(hourAgo).dropped())
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", 450L, "b", 150L, "c", 0L));
        assertThat(follower.noEnforcementObserved("c", hourAgo))
                .as("c dropped nothing while both peers dropped")
                .isTrue();
        assertThat(follower.verdict("a")).contains("enforcing: 300 probes dropped in the newest stored interval");
        assertThat(follower.intervals("a", 1)).containsExactly(onLeader.get(1));
        assertThat(stored(ds, "a"))
                .as("bytes kept where counted, sampled by the leader")
                .contains(new CounterDelta(
                        "a",
                        "ipv4",
                        "deny-smtp",
                        true,
                        onLeader.get(1).from(),
                        onLeader.get(1).to(),
                        200,
                        200L * 64,
                        "replica-a"))
                .filteredOn(d -> d.family().equals("ipv6"))
                .allSatisfy(d -> assertThat(d.bytes()).isNull());

        // the leader restarts: its memory is empty, the charts are not; its first round is a baseline, its second
        // appends
        BufferedCounterSamples restartedStore = buffered(new Switchable(new JdbcCounterSamples(() -> ds), down));
        DropHistory restarted = new DropHistory(100).shared(restartedStore, "replica-a", Duration.ZERO);
        CounterRounds again = new CounterRounds(sampler, restarted, new SimpleMeterRegistry());
        assertThat(restarted.intervals("a")).isEqualTo(onLeader);
        again.round(targets);
        grow(5, 5, 5);
        again.round(targets);
        List<DropHistory.Interval> afterRestart = restarted.intervals("a");
        assertThat(afterRestart).hasSize(3).startsWith(onLeader.toArray(DropHistory.Interval[]::new));
        assertThat(afterRestart.get(2).dropped()).containsEntry("SMTP ipv4", 5L);
        assertThat(restartedStore.flush(Duration.ofSeconds(20))).isTrue();
        assertThat(follower.intervals("a")).isEqualTo(afterRestart);

        // the database goes away: sampling and the leader's charts go on (from memory); the follower sees nothing new
        down.set(true);
        grow(7, 7, 7);
        again.round(targets);
        grow(9, 9, 9);
        again.round(targets);
        assertThat(restarted.intervals("a"))
                .as("the leader's own samples while the database is down")
                .hasSize(3)
                .extracting(i -> i.dropped().get("SMTP ipv4"))
                .containsExactly(5L, 7L, 9L);
        assertThat(restarted.readError()).contains("unreachable");
        assertThat(restartedStore.unwritten()).isEqualTo(2 * 3 * 3);
        assertThat(follower.intervals("a")).hasSize(3);

        // back: the rows are written and every replica charts all five intervals
        down.set(false);
        assertThat(restartedStore.flush(Duration.ofSeconds(20))).isTrue();
        assertThat(follower.intervals("a")).hasSize(5).isEqualTo(restarted.intervals("a"));
        assertThat(restarted.readError()).isNull();
    }

    @Test
    void withoutADatabaseTheHistoryStaysInMemory() {
        smtp.putAll(Map.of("a", 10L));
        DropHistory memory = new DropHistory(2);
        CounterRounds rounds = new CounterRounds(sampler, memory, new SimpleMeterRegistry());
        List<Target> one = List.of(CounterSamplingTest.target("a"));
        for (int i = 0; i < 4; i++) {
            rounds.round(one);
            smtp.merge("a", 10L, Long::sum);
        }
        assertThat(memory.intervals("a")).as("the last `keep` intervals").hasSize(2);
        assertThat(memory.window(Instant.EPOCH).dropped("a")).contains(2 * (10L + 5L));
        assertThat(memory.verdict("a")).hasValueSatisfying(v -> assertThat(v).startsWith("enforcing: "));
    }

    private static List<CounterDelta> stored(DataSource ds, String router) {
        return new JdbcCounterSamples(() -> ds).recent(router, 100);
    }

    /** A store that answers like an unreachable database while {@code down}. */
    private record Switchable(CounterSamples store, AtomicBoolean down) implements CounterSamples {
        private void check() {
            if (down.get()) {
                throw new StoreException("the database is unreachable (test)");
            }
        }

        @Override
        public void write(List<CounterDelta> rows) {
            check();
            store.write(rows);
        }

        @Override
        public List<CounterDelta> recent(String router, int intervals) {
            check();
            return store.recent(router, intervals);
        }

        @Override
        public List<RouterDrops> fleet(Instant since) {
            check();
            return store.fleet(since);
        }

        @Override
        public int prune(Instant cutoff) {
            check();
            return store.prune(cutoff);
        }
    }
}
