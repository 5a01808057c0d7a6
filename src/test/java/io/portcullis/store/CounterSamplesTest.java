package io.portcullis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The counter history (pcl_counter_sample, V7) on H2 and PostgreSQL: a round written and read back exactly (bytes
 * null where the platform counts none), a router's last N intervals, the fleet's sums over a window, a retried write
 * that changes nothing, retention; and through the buffer, sampling that goes on while the database is cut away and
 * rows written once it is back.
 */
class CounterSamplesTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123Z");

    @TempDir
    Path tmp;

    private TestDatabase db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private JdbcCounterSamples open(Backend b) {
        db = TestDatabase.open(b, tmp);
        DataSource ds = db.dataSource();
        return new JdbcCounterSamples(() -> ds);
    }

    /** One router's round ending {@code minutes} after T0: SMTP/SNMP drops in both families and the accept term. */
    static List<CounterDelta> round(String router, int minutes, long smtp) {
        Instant from = T0.plus(Duration.ofMinutes(minutes - 1L));
        Instant to = T0.plus(Duration.ofMinutes(minutes));
        return List.of(
                new CounterDelta(router, "ipv4", "deny-smtp", true, from, to, smtp, smtp * 60, "replica-a"),
                new CounterDelta(router, "ipv6", "deny-smtp", true, from, to, smtp / 2, null, "replica-a"),
                new CounterDelta(router, "ipv4", "deny-snmp", true, from, to, 3, 300L, "replica-a"),
                new CounterDelta(router, "ipv4", "accept-rest", false, from, to, 10_000, 9_000_000_000L, "replica-a"));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void roundsAreStoredReadBackByRouterAndFleetAndPruned(Backend b) throws Exception {
        JdbcCounterSamples store = open(b);
        for (int m = 1; m <= 5; m++) {
            store.write(round("r1", m, 100 * m));
            store.write(round("r2", m, 0));
        }
        List<CounterDelta> last2 = store.recent("r1", 2);
        assertThat(last2).hasSize(8);
        assertThat(last2.get(0).to()).isEqualTo(T0.plus(Duration.ofMinutes(4)));
        assertThat(last2.get(7).to()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(last2)
                .contains(new CounterDelta(
                        "r1",
                        "ipv4",
                        "deny-smtp",
                        true,
                        T0.plus(Duration.ofMinutes(4)),
                        T0.plus(Duration.ofMinutes(5)),
                        500,
                        30_000L,
                        "replica-a"));
        assertThat(last2).filteredOn(d -> d.family().equals("ipv6")).allSatisfy(d -> assertThat(d.bytes())
                .isNull());
        assertThat(last2)
                .filteredOn(d -> !d.drops())
                .extracting(CounterDelta::bytes)
                .containsOnly(9_000_000_000L);
        assertThat(store.recent("r1", 100)).hasSize(20);
        assertThat(store.recent("nobody", 10)).isEmpty();

        // the fleet over the last two intervals: drop terms only, routers without drops listed with 0
        List<CounterSamples.RouterDrops> fleet = store.fleet(T0.plus(Duration.ofMinutes(3)));
        assertThat(fleet)
                .containsExactly(
                        new CounterSamples.RouterDrops(
                                "r1", 400 + 200 + 3 + 500 + 250 + 3, T0.plus(Duration.ofMinutes(5))),
                        new CounterSamples.RouterDrops("r2", 6, T0.plus(Duration.ofMinutes(5))));
        assertThat(store.fleet(T0.plus(Duration.ofHours(1)))).isEmpty();

        // a round written twice (the commit's answer was lost and the writer retried): stored once, as it was
        List<CounterDelta> again = new ArrayList<>(round("r1", 5, 500));
        again.add(new CounterDelta(
                "r1",
                "ipv6",
                "deny-snmp",
                true,
                T0.plus(Duration.ofMinutes(4)),
                T0.plus(Duration.ofMinutes(5)),
                1,
                null,
                "replica-a"));
        store.write(again);
        assertThat(count("SELECT COUNT(*) FROM pcl_counter_sample WHERE router = 'r1'"))
                .isEqualTo(21);

        // retention: intervals that ended before the cutoff go
        assertThat(store.prune(T0.plus(Duration.ofMinutes(3)))).isEqualTo(2 * 4 * 2);
        assertThat(store.recent("r1", 100)).extracting(CounterDelta::to).allSatisfy(t -> assertThat(t)
                .isAfterOrEqualTo(T0.plus(Duration.ofMinutes(3))));
        assertThat(count("SELECT COUNT(*) FROM pcl_counter_sample")).isEqualTo(21 + 20 - 16);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void samplingGoesOnWhileTheDatabaseIsCutAndTheRowsAreWrittenOnceItIsBack(Backend b) throws Exception {
        try (CutDatabase cutDb = CutDatabase.of(b, tmp)) {
            StoreOpener.Database viaCut = StoreOpener.database(cutDb.viaCut());
            try (BufferedCounterSamples buffered = new BufferedCounterSamples(
                    new JdbcCounterSamples(viaCut::dataSource), 10, Duration.ofMillis(100))) {
                buffered.write(round("r1", 1, 100));
                assertThat(buffered.flush(Duration.ofSeconds(20))).isTrue();

                cutDb.cut().cut();
                long t0 = System.nanoTime();
                buffered.write(round("r1", 2, 200));
                buffered.write(round("r1", 3, 300));
                assertThat(Duration.ofNanos(System.nanoTime() - t0))
                        .as("a write never waits for the database")
                        .isLessThan(Duration.ofSeconds(1));
                waitUntil(() -> buffered.lastError() != null);
                assertThat(buffered.lastError())
                        .doesNotContain(
                                cutDb.viaCut().password().isEmpty()
                                        ? "\u0000"
                                        : cutDb.viaCut().password());
                assertThat(buffered.unwritten()).isEqualTo(8);
                // beyond the capacity (10 rows) the oldest round is dropped and counted
                buffered.write(round("r1", 4, 400));
                assertThat(buffered.unwritten()).isEqualTo(8);
                assertThat(buffered.dropped()).isEqualTo(4);

                cutDb.cut().restore();
                assertThat(buffered.flush(Duration.ofSeconds(60)))
                        .as("written once the database answers")
                        .isTrue();
                JdbcCounterSamples direct = new JdbcCounterSamples(viaCut::dataSource);
                assertThat(direct.recent("r1", 10).stream()
                                .map(CounterDelta::to)
                                .distinct()
                                .toList())
                        .containsExactly(
                                T0.plus(Duration.ofMinutes(1)),
                                T0.plus(Duration.ofMinutes(3)),
                                T0.plus(Duration.ofMinutes(4)));
                assertThat(buffered.lastError()).isNull();
            } finally {
                if (viaCut.owner() != null) {
                    viaCut.owner().close();
                }
            }
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier c) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!c.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited too long").isLessThan(until);
            Thread.sleep(50);
        }
    }
}
