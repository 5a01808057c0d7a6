package io.portcullis.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.alert.Alert;
import io.portcullis.alert.AlertName;
import io.portcullis.alert.AlertState;
import io.portcullis.store.Backend;
import io.portcullis.store.CutDatabase;
import io.portcullis.store.StoreOpener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The router-state and alert-state stores after a network cut to the database (H2 server, lab PostgreSQL), through a
 * real connection pool: while cut, writes and reads fail (and are kept); once the network is back, the very next
 * write and read succeed. A pool that handed out the connections that broke with the cut again would fail them
 * until something evicted those connections (the counter store found this first).
 */
// "slow": it waits out database cuts, reconnects and restarts (seconds each); the fast loop leaves it out
@Tag("slow")
class StateStoresAfterCutTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void routerAndAlertStateRecoverOnTheFirstAttemptOnceTheNetworkIsBack(Backend b) throws Exception {
        try (CutDatabase cutDb = CutDatabase.of(b, tmp)) {
            StoreOpener.Database viaCut = StoreOpener.database(cutDb.viaCut());
            // ticks of an hour: only the test's own calls touch the database
            try (DatabaseRouterStateStore routers = new DatabaseRouterStateStore(
                            viaCut::dataSource, "r1", () -> true, Clock.systemUTC(), Duration.ofHours(1));
                    DatabaseAlertStateStore alerts = new DatabaseAlertStateStore(
                            viaCut::dataSource, "r1", () -> true, Clock.systemUTC(), Duration.ofHours(1))) {
                // a few connections in the pool, as a busy service has them
                routers.put(row("r-a", "in_policy"));
                assertThat(routers.flush()).isTrue();
                assertThat(routers.readNow()).isPresent();
                assertThat(alerts.reload()).isTrue();
                alerts.save(AlertState.fresh(alert("r-a")));
                assertThat(alerts.flush()).isTrue();
                holdSeveralConnections(viaCut.dataSource());

                cutDb.cut().cut();
                routers.put(row("r-a", "drifted"));
                alerts.save(AlertState.fresh(alert("r-b")));
                assertThat(routers.flush()).as("router state while cut").isFalse();
                assertThat(alerts.flush()).as("alert state while cut").isFalse();
                assertThat(routers.readNow()).isEmpty();
                assertThat(alerts.reload()).isFalse();
                assertThat(routers.unwritten()).isEqualTo(1);
                assertThat(alerts.unwritten()).isEqualTo(1);

                cutDb.cut().restore();
                assertThat(routers.flush())
                        .as("router state: the first write after the network is back (" + routers.lastError() + ")")
                        .isTrue();
                assertThat(routers.readNow())
                        .as("router state: the first read after the network is back")
                        .isPresent();
                assertThat(alerts.flush())
                        .as("alert state: the first write after the network is back (" + alerts.lastError() + ")")
                        .isTrue();
                assertThat(alerts.reload())
                        .as("alert state: the first read after the network is back")
                        .isTrue();
                assertThat(routers.readNow().orElseThrow().toString()).contains("drifted");
                assertThat(alerts.find(Alert.fingerprint("r-b", AlertName.POLICY_DRIFT)))
                        .isPresent();
            } finally {
                if (viaCut.owner() != null) {
                    viaCut.owner().close();
                }
            }
        }
    }

    /** Opens and returns several connections at once, so the pool keeps that many idle ones (all broken by the cut). */
    private static void holdSeveralConnections(javax.sql.DataSource ds) throws Exception {
        java.util.List<java.sql.Connection> held = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                java.sql.Connection c = ds.getConnection();
                c.isValid(5);
                held.add(c);
            }
        } finally {
            for (java.sql.Connection c : held) {
                c.close();
            }
        }
    }

    private static RouterStateRow row(String router, String state) {
        return new RouterStateRow(router, "junos", state, null, null, "d-" + state, "{}", Instant.now(), "r1");
    }

    private static Alert alert(String router) {
        return new Alert(
                AlertName.POLICY_DRIFT,
                Alert.Status.FIRING,
                router,
                "junos",
                Alert.fingerprint(router, AlertName.POLICY_DRIFT),
                null,
                router + " drifted",
                List.of(),
                List.of(),
                "mallory",
                Instant.now(),
                null,
                "http://localhost/api/routers/" + router);
    }
}
