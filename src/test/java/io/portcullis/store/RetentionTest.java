package io.portcullis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code portcullis.db.retention} on both real back ends: with 30d, what serve's hourly prune deletes (a cut-off of
 * now minus the setting, as {@code PortcullisService.prune} computes it) is every run started 31 days ago with its
 * router rows, drift events resolved 31 days ago and deliveries attempted 31 days ago; rows of 29 days ago stay, and
 * so does a drift that opened long ago and is still open (it is current state, not history).
 */
class RetentionTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void thirtyDaysPrunesThe31DayOldRowsOfEveryKindAndKeepsThe29DayOldOnes(Backend b) {
        DbSettings s = b.fresh(tmp);
        Map<String, String> cfg = Map.of("portcullis.db.url", s.url(), "portcullis.db.retention", "30d");
        Duration retention =
                DbSettings.from(k -> Optional.ofNullable(cfg.get(k))).retention();
        assertThat(retention).isEqualTo(Duration.ofDays(30));
        Instant now = Instant.now();
        Instant old = now.minus(Duration.ofDays(31));
        Instant young = now.minus(Duration.ofDays(29));
        try (RunStore store = StoreOpener.open(s)) {
            for (String[] run : new String[][] {{"run-31d", "bng-old"}, {"run-29d", "bng-young"}}) {
                Instant at = run[0].equals("run-31d") ? old : young;
                store.beginRun(RunStoreContractTest.start(run[0], "apply", at));
                store.recordRouter(run[0], RunStoreContractTest.router(run[1], "APPLIED"));
                store.recordRouter(run[0], RunStoreContractTest.router(run[1] + "-2", "APPLIED"));
                store.finishRun(run[0], at.plusSeconds(60), 0, null);
            }
            // drift resolved 31 d ago (opened 35 d ago), resolved 29 d ago (opened 35 d ago), open since 40 d
            drift(store, "bng-old", now.minus(Duration.ofDays(35)), old);
            drift(store, "bng-young", now.minus(Duration.ofDays(35)), young);
            drift(store, "bng-still-drifted", now.minus(Duration.ofDays(40)), null);
            store.recordDelivery(new AlertDelivery("bng-old", "fp-old", "FIRING", "webhook", old, true, null));
            store.recordDelivery(
                    new AlertDelivery("bng-young", "fp-young", "FIRING", "webhook", young, false, "HTTP 503"));
            assertThat(RunStoreContractTest.count(s, "SELECT COUNT(*) FROM pcl_router_run"))
                    .isEqualTo(4);
            assertThat(RunStoreContractTest.count(s, "SELECT COUNT(*) FROM pcl_drift_event"))
                    .isEqualTo(3);

            assertThat(store.prune(now.minus(retention))).as("runs deleted").isEqualTo(1);

            assertThat(store.history(HistoryQuery.latest(10)))
                    .extracting(HistoryRun::id)
                    .containsExactly("run-29d");
            assertThat(store.run("run-31d")).isEmpty();
            assertThat(RunStoreContractTest.count(s, "SELECT COUNT(*) FROM pcl_router_run WHERE run_id = 'run-31d'"))
                    .isZero();
            assertThat(RunStoreContractTest.count(s, "SELECT COUNT(*) FROM pcl_router_run WHERE run_id = 'run-29d'"))
                    .isEqualTo(2);
            assertThat(store.driftEvents("bng-old", 10)).isEmpty();
            assertThat(store.driftEvents("bng-young", 10)).hasSize(1);
            assertThat(store.driftEvents("bng-still-drifted", 10)).hasSize(1).allSatisfy(e -> assertThat(e.resolvedAt())
                    .isNull());
            assertThat(store.deliveries("bng-old", 10)).isEmpty();
            assertThat(store.deliveries("bng-young", 10)).hasSize(1);

            assertThat(store.prune(now.minus(retention)))
                    .as("a second prune finds nothing")
                    .isZero();
            assertThat(store.history(HistoryQuery.latest(10))).hasSize(1);
        } finally {
            b.drop(s);
        }
    }

    private static void drift(RunStore store, String router, Instant opened, Instant resolved) {
        store.recordDrift(new DriftObservation(
                router,
                "junos",
                "fp-" + router,
                "term deny-snmp missing",
                List.of("term deny-snmp missing"),
                List.of(),
                "alice",
                null,
                opened));
        if (resolved != null) {
            store.recordDrift(DriftObservation.inSync(router, "junos", null, resolved));
        }
    }
}
