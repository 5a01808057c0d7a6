package io.portcullis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code history --router X} on a database holding 1,000,000 router-run rows (1,000 runs × 1,000 routers, one
 * year of hourly-ish runs), H2 and PostgreSQL: the target is under 200 ms. Rows are loaded with JDBC batches
 * (set-up, not measured); the query is the store's own. Run with {@code scripts/bench-store.sh history}.
 */
@Tag("bench")
class HistoryQueryBenchTest {
    static final int RUNS = Integer.getInteger("bench.runs", 1000);
    static final int ROUTERS = Integer.getInteger("bench.routers", 1000);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void historyOfOneRouterAmongAMillionRows(Backend b) throws Exception {
        DbSettings s = b.fresh(tmp);
        try (RunStore store = StoreOpener.open(s)) {
            long t0 = System.nanoTime();
            load(s);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            if (b == Backend.POSTGRESQL) {
                Backend.exec(s, "ANALYZE");
            }
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String router = "bng-" + String.format("%04d", (i * 37) % ROUTERS);
                long q0 = System.nanoTime();
                List<HistoryRun> runs = store.history(new HistoryQuery(router, null, null, 20));
                ms.add((System.nanoTime() - q0) / 1e6);
                assertThat(runs).hasSize(20);
                assertThat(runs.get(0).counts().values().stream()
                                .mapToInt(Integer::intValue)
                                .sum())
                        .isEqualTo(ROUTERS);
            }
            List<Double> warm = new ArrayList<>(ms.subList(5, ms.size()));
            Collections.sort(warm);
            long q0 = System.nanoTime();
            HistoryRun one =
                    store.run(store.history(HistoryQuery.latest(1)).get(0).id()).orElseThrow();
            double detail = (System.nanoTime() - q0) / 1e6;
            System.out.printf(
                    "BENCH history %s: %,d router-run rows (loaded in %.0f s); history --router X --limit 20: first %.1f ms, "
                            + "warm median %.1f ms, p95 %.1f ms, max %.1f ms; history RUN_ID (%d routers) %.1f ms%n",
                    b,
                    (long) RUNS * ROUTERS,
                    loadSeconds,
                    ms.get(0),
                    warm.get(warm.size() / 2),
                    warm.get((int) (warm.size() * 0.95)),
                    warm.get(warm.size() - 1),
                    one.routers().size(),
                    detail);
            assertThat(warm.get(warm.size() / 2))
                    .as("median history --router latency (ms)")
                    .isLessThan(200);
        } finally {
            b.drop(s);
        }
    }

    private static void load(DbSettings s) throws Exception {
        Instant start = Instant.now().minusSeconds(365L * 24 * 3600);
        try (Connection c = DriverManager.getConnection(s.url(), s.username(), s.password())) {
            c.setAutoCommit(false);
            try (PreparedStatement run = c.prepareStatement(
                            "INSERT INTO pcl_run (id, kind, started_at, finished_at, exit_code, tool_version, "
                                    + "actor, policy_digest, state_counts) VALUES (?, 'apply', ?, ?, 0, 'bench', 'ci-bot', "
                                    + "'sha256:bench', ?)");
                    PreparedStatement rr = c.prepareStatement(
                            "INSERT INTO pcl_router_run (run_id, router, run_started_at, platform, state, "
                                    + "changes_json, impact_json, digest_before, digest_after, millis, recorded_at) VALUES (?, ?, ?, 'junos', ?, "
                                    + "'[\"filter PORTCULLIS-SUBPROTECT-V4: term deny-snmp added\"]', '[\"UDP/161 toward subscribers (ipv4): forwarded → dropped\"]', "
                                    + "'sha256:aaaaaaaa', 'sha256:bbbbbbbb', 900, ?)")) {
                for (int r = 0; r < RUNS; r++) {
                    String id = String.format("bench-%06d-0000-0000-000000000000", r);
                    OffsetDateTime at = OffsetDateTime.ofInstant(start.plusSeconds(r * 31_000L), ZoneOffset.UTC);
                    run.setString(1, id);
                    run.setObject(2, at);
                    run.setObject(3, at.plusSeconds(60));
                    // as JdbcRunStore.finishRun writes them (every 50th router NO_CHANGE, below)
                    int unchanged = (ROUTERS + 49) / 50;
                    // -Dbench.uncounted=true: runs as recorded before V10, counted from their rows on every read
                    run.setString(
                            4,
                            Boolean.getBoolean("bench.uncounted")
                                    ? null
                                    : StateCounts.write(
                                            Map.of("APPLIED", ROUTERS - unchanged, "NO_CHANGE", unchanged)));
                    run.executeUpdate();
                    for (int k = 0; k < ROUTERS; k++) {
                        rr.setString(1, id);
                        rr.setString(2, String.format("bng-%04d", k));
                        rr.setObject(3, at);
                        rr.setString(4, k % 50 == 0 ? "NO_CHANGE" : "APPLIED");
                        rr.setObject(5, at.plusSeconds(30));
                        rr.addBatch();
                    }
                    rr.executeBatch();
                    c.commit();
                }
            }
        }
    }
}
