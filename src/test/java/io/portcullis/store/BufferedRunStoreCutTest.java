package io.portcullis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * serve's store when the network to the database goes away (a {@link io.portcullis.testing.TcpCut} in front of
 * H2 in server mode and of PostgreSQL): writes queue up while it is cut, the store says it is unhealthy, nothing
 * blocks the caller, and once the database is reachable again everything queued is written, in order, once.
 * Also cut in the middle of a burst, where a write may reach the database while its answer is lost.
 */
// "slow": it waits out database cuts, reconnects and restarts (seconds each); the fast loop leaves it out
@Tag("slow")
class BufferedRunStoreCutTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void writesWaitOutACutAndLandOnceWhenTheDatabaseIsBack(Backend b) throws Exception {
        try (CutDatabase db = CutDatabase.of(b, tmp)) {
            BufferedRunStore store =
                    new BufferedRunStore(() -> StoreOpener.open(db.viaCut()), 10_000, Duration.ofMillis(100));
            try {
                write(store, "run-before", 5);
                assertThat(store.flush(Duration.ofSeconds(60))).isTrue();
                assertThat(store.probe()).isTrue();

                db.cut().cut();
                long t0 = System.nanoTime();
                write(store, "run-during", 50);
                assertThat((System.nanoTime() - t0) / 1e6)
                        .as("writes never wait for the database (ms)")
                        .isLessThan(2000);
                poll(() -> store.lastError() != null, "the store notices the cut");
                assertThat(store.healthy()).isFalse();
                assertThat(store.probe()).isFalse();
                assertThat(store.buffered()).isPositive();
                assertThat(store.lastError())
                        .contains("unreachable")
                        .doesNotContain(
                                db.direct().password().isEmpty()
                                        ? "\u0000"
                                        : db.direct().password());

                db.cut().restore();
                assertThat(store.flush(Duration.ofSeconds(90)))
                        .as("buffer drained after restore, error: %s", store.lastError())
                        .isTrue();
                poll(store::probe, "the store is healthy again");

                // a cut in the middle of a burst: some statements reach the database, their answers do not
                Thread burst = new Thread(() -> write(store, "run-burst", 300));
                burst.start();
                Thread.sleep(50);
                db.cut().cut();
                Thread.sleep(1500);
                db.cut().restore();
                burst.join();
                assertThat(store.flush(Duration.ofSeconds(120)))
                        .as("burst drained, error: %s", store.lastError())
                        .isTrue();
                assertThat(store.dropped()).isZero();

                Map<String, Long> routers = routerCounts(db.direct());
                assertThat(routers)
                        .containsEntry("run-before", 5L)
                        .containsEntry("run-during", 50L)
                        .containsEntry("run-burst", 300L);
                assertThat(exitCodes(db.direct()))
                        .containsExactlyInAnyOrder("run-before=0", "run-during=0", "run-burst=0");
            } finally {
                store.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aReplayedWriteIsHarmlessAndARefusedOneDoesNotHoldUpTheRest(Backend b) throws Exception {
        try (CutDatabase db = CutDatabase.of(b, tmp)) {
            // the start of a run sent again after its answer was lost: the same run, no error
            try (RunStore direct = StoreOpener.open(db.direct())) {
                write(direct, "run-replayed", 1);
                write(direct, "run-replayed", 1);
                assertThat(direct.run("run-replayed").orElseThrow().routers()).hasSize(1);
            }
            BufferedRunStore store =
                    new BufferedRunStore(() -> StoreOpener.open(db.viaCut()), 100, Duration.ofMillis(100));
            try {
                // a router of a run that was never started is refused for good: dropped and counted, the rest lands
                store.recordRouter(
                        "run-never-started",
                        new RouterRecord(
                                "bng-x",
                                "junos",
                                "IN_SYNC",
                                null,
                                List.of(),
                                List.of(),
                                null,
                                null,
                                null,
                                null,
                                1,
                                Instant.now()));
                write(store, "run-after", 3);
                assertThat(store.flush(Duration.ofSeconds(60)))
                        .as("error: %s", store.lastError())
                        .isTrue();
                assertThat(store.dropped()).isEqualTo(1);
                assertThat(routerCounts(db.direct()))
                        .containsEntry("run-after", 3L)
                        .doesNotContainKey("run-never-started");
            } finally {
                store.close();
            }
        }
    }

    private static void write(RunStore store, String id, int routers) {
        Instant start = Instant.now();
        store.beginRun(new RunStart(
                id,
                "drift-check",
                start,
                "test",
                new Who("serve", "svc", null, Map.of()),
                new What(null, "sha256:p", null, null),
                Map.of()));
        for (int i = 0; i < routers; i++) {
            store.recordRouter(
                    id,
                    new RouterRecord(
                            String.format("bng-%04d", i),
                            "junos",
                            "IN_SYNC",
                            null,
                            List.of(),
                            List.of(),
                            "sha256:a",
                            "sha256:a",
                            null,
                            null,
                            5,
                            Instant.now()));
        }
        store.finishRun(id, Instant.now(), 0, null);
    }

    private static Map<String, Long> routerCounts(DbSettings s) throws Exception {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (Connection c = DriverManager.getConnection(s.url(), s.username(), s.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT run_id, COUNT(*) FROM pcl_router_run GROUP BY run_id")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static List<String> exitCodes(DbSettings s) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(s.url(), s.username(), s.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, exit_code FROM pcl_run")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "=" + rs.getObject(2));
            }
        }
        return out;
    }

    static void poll(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting until " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
