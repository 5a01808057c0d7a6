package io.portcullis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The store's contract on both real back ends: migrations, round trips, filters, drift events, concurrency, pruning. */
class RunStoreContractTest {
    @TempDir
    Path tmp;

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    static RunStart start(String id, String kind, Instant at) {
        return new RunStart(
                id,
                kind,
                at,
                "0.1.0-TEST",
                new Who("alice", "alice", null, Map.of("system", "gitlab", "user", "alice")),
                new What("8aa37f8aa37f8aa37f8aa37f8aa37f8aa37f8aa3", "sha256:p", "sha256:i", null),
                Map.of("canary", "1", "parallel", "10"));
    }

    static RouterRecord router(String name, String state) {
        return new RouterRecord(
                name,
                "junos",
                state,
                state.equals("APPLIED") ? null : "LOCKED_BY",
                List.of("filter X: term deny-snmp added"),
                List.of("UDP/161 toward subscribers (ipv4): forwarded → dropped"),
                "sha256:before",
                "sha256:after",
                "{\"filters\":[]}",
                null,
                12,
                null);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void migratesAnEmptyDatabaseAndReopensAnUpToDateOne(Backend b) {
        DbSettings s = b.fresh(tmp);
        try {
            try (RunStore store = StoreOpener.open(s)) {
                store.ping();
            }
            try (RunStore store = StoreOpener.open(s)) { // re-run on an up-to-date schema: nothing to do, no error
                store.beginRun(start("r-1", "apply", T0));
                assertThat(store.run("r-1")).isPresent();
            }
            // every migration this build ships ran once (V1, V2, …), none twice
            long shipped =
                    new java.io.File("src/main/resources/db/migration").list((d, n) -> n.endsWith(".sql")).length;
            assertThat(count(s, "SELECT COUNT(*) FROM flyway_schema_history WHERE success AND type = 'SQL'"))
                    .isEqualTo(shipped);
        } finally {
            b.drop(s);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSchemaNewerThanThisBuildIsAClearErrorNamingTheMigration(Backend b) {
        DbSettings s = b.fresh(tmp);
        try {
            StoreOpener.open(s).close();
            Backend.exec(
                    s,
                    "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, "
                            + "execution_time, success) VALUES (99, '99', 'alert state', 'SQL', 'V99__alert_state.sql', 1, 'x', 1, TRUE)");
            assertThatThrownBy(() -> StoreOpener.open(s))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("V99__alert_state")
                    .hasMessageContaining("newer than this portcullis")
                    .hasMessageNotContaining("\n");
        } finally {
            b.drop(s);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aChangedOrFailedMigrationIsAClearErrorNamingIt(Backend b) {
        DbSettings s = b.fresh(tmp);
        try {
            StoreOpener.open(s).close();
            Backend.exec(s, "UPDATE flyway_schema_history SET checksum = 42 WHERE version = '1'");
            assertThatThrownBy(() -> StoreOpener.open(s))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("V1__run_history")
                    .hasMessageContaining("does not match");
            Backend.exec(s, "UPDATE flyway_schema_history SET success = FALSE WHERE version = '1'");
            assertThatThrownBy(() -> StoreOpener.open(s))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("V1__run_history")
                    .hasMessageContaining("failed earlier");
        } finally {
            b.drop(s);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void runsRoundTripNewestFirstWithFilters(Backend b) {
        DbSettings s = b.fresh(tmp);
        try (RunStore store = StoreOpener.open(s)) {
            store.beginRun(start("run-old", "plan", T0));
            store.recordRouter("run-old", router("bng-a", "CHANGES"));
            store.finishRun("run-old", T0.plusSeconds(5), 2, null);
            store.beginRun(start("run-new", "apply", T0.plus(1, ChronoUnit.DAYS)));
            store.recordRouter("run-new", router("bng-a", "APPLIED"));
            store.recordRouter("run-new", router("bng-b", "FAILED_NOT_APPLIED"));
            store.recordRouter(
                    "run-new",
                    router("bng-b", "FAILED_ROLLED_BACK")); // a provisional outcome replaced by the final one
            store.finishRun("run-new", T0.plus(1, ChronoUnit.DAYS).plusSeconds(9), 1, "1 failure");

            List<HistoryRun> all = store.history(HistoryQuery.latest(10));
            assertThat(all).extracting(HistoryRun::id).containsExactly("run-new", "run-old");
            assertThat(all.get(0).counts()).isEqualTo(Map.of("APPLIED", 1, "FAILED_ROLLED_BACK", 1));
            assertThat(all.get(0).exitCode()).isEqualTo(1);
            assertThat(all.get(0).ci()).containsEntry("system", "gitlab");
            assertThat(all.get(0).options()).containsEntry("canary", "1");
            assertThat(all.get(0).startedAt()).isEqualTo(T0.plus(1, ChronoUnit.DAYS));

            assertThat(store.history(new HistoryQuery("bng-b", null, null, 10)))
                    .extracting(HistoryRun::id)
                    .containsExactly("run-new");
            assertThat(store.history(new HistoryQuery("bng-a", "plan", null, 10)))
                    .extracting(HistoryRun::id)
                    .containsExactly("run-old");
            assertThat(store.history(new HistoryQuery(null, null, T0.plusSeconds(60), 10)))
                    .extracting(HistoryRun::id)
                    .containsExactly("run-new");
            assertThat(store.history(HistoryQuery.latest(1))).hasSize(1);

            HistoryRun one = store.run("run-new").orElseThrow();
            assertThat(one.routers()).extracting(HistoryRun.Router::router).containsExactly("bng-a", "bng-b");
            assertThat(one.routers().get(0).impact())
                    .containsExactly("UDP/161 toward subscribers (ipv4): forwarded → dropped");
            assertThat(one.routers().get(1).state()).isEqualTo("FAILED_ROLLED_BACK");
            assertThat(one.haltedBecause()).isEqualTo("1 failure");
            assertThat(store.preImage("run-new", "bng-a")).contains("{\"filters\":[]}");
            assertThat(store.run("nope")).isEmpty();
        } finally {
            b.drop(s);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRunsStateCountsAreWrittenWhenItFinishesAndHoldWhateverComesAfter(Backend b) {
        DbSettings s = b.fresh(tmp);
        try (RunStore store = StoreOpener.open(s)) {
            store.beginRun(start("run-1", "apply", T0));
            store.recordRouters("run-1", List.of(router("bng-a", "APPLIED"), router("bng-b", "APPLIED")));
            store.recordRouter("run-1", router("bng-c", "NO_CHANGE"));
            // still running: counted from its rows
            assertThat(store.history(new HistoryQuery("bng-a", null, null, 5))
                            .get(0)
                            .counts())
                    .isEqualTo(Map.of("APPLIED", 2, "NO_CHANGE", 1));
            store.finishRun("run-1", T0.plusSeconds(9), 0, null);
            assertThat(Backend.count(s, "SELECT COUNT(*) FROM pcl_run WHERE state_counts = 'APPLIED=2,NO_CHANGE=1'"))
                    .as("written once, at the end")
                    .isEqualTo(1);
            assertThat(store.history(new HistoryQuery("bng-c", null, null, 5))
                            .get(0)
                            .counts())
                    .isEqualTo(Map.of("APPLIED", 2, "NO_CHANGE", 1));

            // a router recorded after the end (a late final outcome) replaces the written counts
            store.recordRouter("run-1", router("bng-b", "FAILED_ROLLED_BACK"));
            assertThat(store.history(HistoryQuery.latest(5)).get(0).counts())
                    .isEqualTo(Map.of("APPLIED", 1, "FAILED_ROLLED_BACK", 1, "NO_CHANGE", 1));
            store.finishRun("run-1", T0.plusSeconds(10), 1, null);
            assertThat(Backend.count(
                            s,
                            "SELECT COUNT(*) FROM pcl_run WHERE state_counts = "
                                    + "'APPLIED=1,FAILED_ROLLED_BACK=1,NO_CHANGE=1'"))
                    .isEqualTo(1);

            // a run without routers is counted too; a value that is not ours (edited by hand) falls back to the rows
            store.beginRun(start("run-2", "drift", T0.plusSeconds(60)));
            store.finishRun("run-2", T0.plusSeconds(61), 0, null);
            assertThat(store.history(HistoryQuery.latest(1)).get(0).counts()).isEmpty();
            Backend.exec(s, "UPDATE pcl_run SET state_counts = 'APPLIED=lots' WHERE id = 'run-1'");
            assertThat(store.history(new HistoryQuery("bng-a", null, null, 5))
                            .get(0)
                            .counts())
                    .isEqualTo(Map.of("APPLIED", 1, "FAILED_ROLLED_BACK", 1, "NO_CHANGE", 1));
        } finally {
            b.drop(s);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aBatchOfRoutersIsRecordedAsEachInTurnWouldBe(Backend b) {
        DbSettings s = b.fresh(tmp);
        try (RunStore store = StoreOpener.open(s)) {
            store.beginRun(start("run-batch", "apply", T0));
            store.recordRouter("run-batch", router("bng-c", "APPLIED")); // an earlier batch's row, replaced below
            List<RouterRecord> batch = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                batch.add(router("bng-%03d".formatted(i), "APPLIED"));
            }
            batch.add(router("bng-c", "FAILED_NOT_APPLIED"));
            batch.add(router("bng-007", "FAILED_ROLLED_BACK")); // the same router twice in one batch: the last wins
            store.recordRouters("run-batch", batch);

            assertThat(count(s, "SELECT COUNT(*) FROM pcl_router_run WHERE run_id = 'run-batch'"))
                    .isEqualTo(251);
            HistoryRun run = store.run("run-batch").orElseThrow();
            assertThat(run.counts())
                    .isEqualTo(Map.of("APPLIED", 249, "FAILED_NOT_APPLIED", 1, "FAILED_ROLLED_BACK", 1));
            assertThat(run.routers())
                    .filteredOn(r -> r.router().equals("bng-007"))
                    .extracting(HistoryRun.Router::state)
                    .containsExactly("FAILED_ROLLED_BACK");

            // a batch under a run the database does not hold is refused whole, naming the run
            assertThatThrownBy(() -> store.recordRouters("no-such-run", batch.subList(0, 3)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("run no-such-run is not in the database");
            assertThat(count(s, "SELECT COUNT(*) FROM pcl_router_run WHERE run_id = 'no-such-run'"))
                    .isZero();
        } finally {
            b.drop(s);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void driftEventsOpenStayOpenAndResolveAndDeliveriesAreKept(Backend b) {
        DbSettings s = b.fresh(tmp);
        try (RunStore store = StoreOpener.open(s)) {
            DriftEvent opened = store.recordDrift(new DriftObservation(
                            "bng-a",
                            "junos",
                            "fp1",
                            "drifted",
                            List.of("term missing"),
                            List.of("UDP/161: dropped → forwarded"),
                            null,
                            "check-1",
                            T0))
                    .orElseThrow();
            assertThat(opened.open()).isTrue();
            DriftEvent still = store.recordDrift(new DriftObservation(
                            "bng-a",
                            "junos",
                            "fp1",
                            "drifted",
                            List.of(),
                            List.of(),
                            "netops (session 7 from 192.0.2.1)",
                            "check-2",
                            T0.plusSeconds(60)))
                    .orElseThrow();
            assertThat(still.id()).isEqualTo(opened.id());
            assertThat(still.changedBy()).isEqualTo("netops (session 7 from 192.0.2.1)");
            assertThat(still.lastSeenAt()).isEqualTo(T0.plusSeconds(60));
            DriftEvent other = store.recordDrift(new DriftObservation(
                            "bng-a",
                            "junos",
                            "fp2",
                            "drifted more",
                            List.of(),
                            List.of(),
                            null,
                            "check-3",
                            T0.plusSeconds(120)))
                    .orElseThrow();
            assertThat(other.id()).isNotEqualTo(opened.id());
            assertThat(store.recordDrift(DriftObservation.inSync("bng-a", "junos", "check-4", T0.plusSeconds(180))))
                    .isEmpty();
            List<DriftEvent> events = store.driftEvents("bng-a", 10);
            assertThat(events).hasSize(2).allMatch(e -> !e.open());
            assertThat(events.get(1).resolvedAt()).isEqualTo(T0.plusSeconds(120));
            assertThat(store.driftEvents(null, 10)).isEmpty();

            store.recordDelivery(new AlertDelivery(
                    "bng-a",
                    "fp1",
                    "FIRING",
                    "webhook",
                    T0,
                    false,
                    "POST https://ops:hunter2@hooks.example/x failed: connection refused"));
            store.recordDelivery(
                    new AlertDelivery("bng-a", "fp1", "FIRING", "webhook", T0.plusSeconds(60), true, null));
            List<AlertDelivery> d = store.deliveries("bng-a", 10);
            assertThat(d).extracting(AlertDelivery::delivered).containsExactly(true, false);
            assertThat(d.get(1).error()).contains("connection refused").doesNotContain("hunter2");
        } finally {
            b.drop(s);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void concurrentWritersLoseNoRowsAndDoNotDeadlock(Backend b) throws Exception {
        DbSettings s = b.fresh(tmp);
        int writers = 6;
        int runsEach = 15;
        int routers = 8;
        // separate stores = separate pools, as separate CLI processes and service replicas have
        List<RunStore> stores = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int i = 0; i < writers; i++) {
                stores.add(StoreOpener.open(s));
            }
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                RunStore store = stores.get(w);
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int r = 0; r < runsEach; r++) {
                        String id = UUID.randomUUID().toString();
                        store.beginRun(start(id, "apply", Instant.now()));
                        for (int k = 0; k < routers; k++) {
                            store.recordRouter(id, router("bng-" + k, "APPLIED"));
                        }
                        store.recordDrift(new DriftObservation(
                                "bng-" + (writer % 2),
                                "junos",
                                "fp" + (r % 3),
                                "x",
                                List.of(),
                                List.of(),
                                null,
                                id,
                                Instant.now()));
                        store.finishRun(id, Instant.now(), 0, null);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            assertThat(count(s, "SELECT COUNT(*) FROM pcl_run WHERE exit_code = 0"))
                    .isEqualTo(writers * runsEach);
            assertThat(count(s, "SELECT COUNT(*) FROM pcl_router_run")).isEqualTo(writers * runsEach * routers);
            assertThat(stores.get(0).history(new HistoryQuery("bng-3", null, null, 1000)))
                    .hasSize(writers * runsEach);
        } finally {
            pool.shutdownNow();
            stores.forEach(RunStore::close);
            b.drop(s);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void pruneDeletesOldRunsWithTheirRoutersAndKeepsNewOnes(Backend b) {
        DbSettings s = b.fresh(tmp);
        try (RunStore store = StoreOpener.open(s)) {
            Instant now = Instant.now();
            store.beginRun(start("ancient", "drift-check", now.minus(Duration.ofDays(500))));
            store.recordRouter("ancient", router("bng-a", "IN_SYNC"));
            store.beginRun(start("recent", "drift-check", now.minus(Duration.ofDays(3))));
            store.recordRouter("recent", router("bng-a", "IN_SYNC"));
            assertThat(store.prune(now.minus(Duration.ofDays(400)))).isEqualTo(1);
            assertThat(store.history(HistoryQuery.latest(10)))
                    .extracting(HistoryRun::id)
                    .containsExactly("recent");
            assertThat(count(s, "SELECT COUNT(*) FROM pcl_router_run")).isEqualTo(1);
        } finally {
            b.drop(s);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anUnreachableDatabaseIsOneSentenceWithoutThePassword(Backend b) {
        DbSettings s = b == Backend.H2
                ? new DbSettings(true, "jdbc:h2:tcp://127.0.0.1:1/nowhere", "u", "Sup3r-Secret-pw", null)
                : new DbSettings(true, "jdbc:postgresql://127.0.0.1:1/nowhere", "u", "Sup3r-Secret-pw", null);
        assertThatThrownBy(() -> StoreOpener.open(s))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("unreachable")
                .hasMessageNotContaining("Sup3r-Secret-pw")
                .hasMessageNotContaining("\n");
    }

    static long count(DbSettings s, String sql) {
        try (var c = java.sql.DriverManager.getConnection(s.url(), s.username(), s.password());
                var st = c.createStatement();
                var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
