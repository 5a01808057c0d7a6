package io.portcullis.ha;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.alert.Alert;
import io.portcullis.alert.AlertSettings;
import io.portcullis.alert.AlertState;
import io.portcullis.alert.DeliveryListener;
import io.portcullis.alert.DriftAlerter;
import io.portcullis.alert.DriftAlerter.Observation;
import io.portcullis.alert.WebhookSink;
import io.portcullis.store.Backend;
import io.portcullis.store.DbSettings;
import io.portcullis.store.StoreException;
import io.portcullis.store.StoreOpener;
import io.portcullis.testing.HttpReceiver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Alert state in a real database (H2 file and PostgreSQL) across a restart: the service's alerter and its
 * {@link DatabaseAlertStateStore} are closed and built again on the same database, as a restarted or newly
 * elected replica does, with a real webhook receiver. An open drift is not fired again and keeps startsAt,
 * fingerprint and changedBy; a drift that resolved while the service was down is resolved at the receiver; a
 * resolve decided but not delivered before the restart is delivered after it; changes made while the database
 * is down are written once it is back.
 */
// "slow": it waits out database cuts, reconnects and restarts (seconds each); the fast loop leaves it out
@Tag("slow")
class AlertStateRestartTest {
    @TempDir
    Path tmp;

    private HttpReceiver receiver;
    private DbSettings settings;
    private Backend backend;
    private StoreOpener.Database db;

    @BeforeEach
    void receiver() throws Exception {
        receiver = HttpReceiver.start();
    }

    @AfterEach
    void close() throws Exception {
        receiver.close();
        if (db != null && db.owner() != null) {
            db.owner().close();
        }
        if (backend != null && settings != null) {
            backend.drop(settings);
        }
    }

    private void open(Backend b) {
        settings = b.fresh(tmp);
        backend = b;
        db = StoreOpener.database(settings);
    }

    /** One "process lifetime" of the service's alerting: store read back from the database, alerter, background delivery. */
    private DriftAlerter service(DatabaseAlertStateStore store) {
        return service(store, AlertSettings.defaults().unreachableAfter());
    }

    private DriftAlerter service(DatabaseAlertStateStore store, int unreachableAfter) {
        assertThat(store.reload()).isTrue();
        DriftAlerter a = new DriftAlerter(
                List.of(new WebhookSink(receiver.uri("/hook"), "noc", "http://portcullis.test")),
                store,
                AlertSettings.defaults()
                        .withBackoff(Duration.ofMillis(100), Duration.ofMillis(400))
                        .withUnreachableAfter(unreachableAfter),
                DeliveryListener.NONE,
                Clock.systemUTC());
        a.start();
        return a;
    }

    private DatabaseAlertStateStore store(String replica) {
        DataSource ds = db.dataSource();
        return new DatabaseAlertStateStore(() -> ds, replica, () -> true, Clock.systemUTC(), Duration.ofMillis(200));
    }

    private static Observation drift(String router, String digest, String changedBy) {
        return new Observation(
                router,
                "junos",
                digest,
                router + " no longer enforces the policy",
                List.of("filter X: term t removed"),
                List.of("TCP/25 toward subscribers (ipv4): dropped → forwarded"),
                changedBy);
    }

    private List<JsonNode> alertsFor(String router, String status) {
        return receiver.accepted("/hook").stream()
                .map(r -> r.body().get("alerts").get(0))
                .filter(a -> a.get("labels").get("router").asText().equals(router)
                        && a.get("status").asText().equals(status))
                .toList();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anOpenDriftIsNotFiredAgainAfterARestartAndADriftResolvedWhileDownIsResolvedAfterIt(Backend b)
            throws Exception {
        open(b);
        Alert firstA;
        Alert firstB;
        try (DatabaseAlertStateStore s1 = store("replica-1");
                DriftAlerter before = service(s1)) {
            firstA = before.observe(drift("r-a", "sha256:aaa", "alice@console")).get(0);
            firstB = before.observe(drift("r-b", "sha256:bbb", null)).get(0);
            assertThat(receiver.await(r -> alertsFor("r-b", "firing").size() == 1, Duration.ofSeconds(10)))
                    .isNotNull();
            assertThat(s1.unwritten()).isZero();
        }
        assertThat(alertsFor("r-a", "firing")).hasSize(1);
        // "restart": nothing of the first lifetime but the database
        try (DatabaseAlertStateStore s2 = store("replica-1");
                DriftAlerter after = service(s2)) {
            // the startup check: r-a still drifted (the check does not know the author), r-b was fixed while the
            // service was down
            assertThat(after.observe(drift("r-a", "sha256:aaa", null))).isEmpty();
            List<Alert> decided = after.observe(Observation.inSync("r-b", "junos"));
            assertThat(decided).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(Alert.Status.RESOLVED);
                assertThat(r.startsAt()).isEqualTo(firstB.startsAt());
                assertThat(r.fingerprint()).isEqualTo(firstB.fingerprint());
            });
            assertThat(receiver.await(r -> alertsFor("r-b", "resolved").size() == 1, Duration.ofSeconds(10)))
                    .isNotNull();
            Thread.sleep(500); // a re-fire would be posted at once; give the background delivery a few ticks
            assertThat(alertsFor("r-a", "firing"))
                    .as("the open drift is not fired again")
                    .hasSize(1);
            Alert open = after.activeAlert("r-a").orElseThrow();
            assertThat(open.startsAt()).isEqualTo(firstA.startsAt());
            assertThat(open.fingerprint()).isEqualTo(firstA.fingerprint());
            assertThat(open.changedBy()).isEqualTo("alice@console");
            JsonNode resolved = alertsFor("r-b", "resolved").get(0);
            assertThat(resolved.get("startsAt").asText())
                    .isEqualTo(alertsFor("r-b", "firing").get(0).get("startsAt").asText());
            assertThat(resolved.get("endsAt").asText()).isNotEmpty();
        }
        // the delivered resolve is gone from the table, the open alert is there with its author
        assertThat(
                        rows(
                                "SELECT router || '|' || status || '|' || coalesce(changed_by, '-') FROM pcl_alert_state ORDER BY router"))
                .containsExactly("r-a|FIRING|alice@console");
    }

    /** PortcullisRouterUnreachable after 3 consecutive failed checks, counted across a restart and a failover. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void theUnreachableCountGoesOnAcrossARestartAndAFailover(Backend b) throws Exception {
        open(b);
        Observation down = Observation.unreachable("r-u", "junos", "CONNECT", "connection refused");
        try (DatabaseAlertStateStore s1 = store("replica-1");
                DriftAlerter first = service(s1, 3)) {
            assertThat(first.observe(down)).isEmpty();
            assertThat(first.observe(down)).isEmpty();
            assertThat(s1.unwritten()).isZero();
        }
        assertThat(rows("SELECT router || '|' || failed_checks || '|' || updated_by FROM pcl_check_failure"))
                .containsExactly("r-u|2|replica-1");
        // restart: the third failed check overall fires (it used to take three more after every restart)
        try (DatabaseAlertStateStore s2 = store("replica-1");
                DriftAlerter restarted = service(s2, 3)) {
            assertThat(s2.failedChecks("r-u")).isEqualTo(2);
            assertThat(restarted.observe(down)).singleElement().satisfies(a -> {
                assertThat(a.name()).isEqualTo(io.portcullis.alert.AlertName.ROUTER_UNREACHABLE);
                assertThat(a.summary()).contains("3 times in a row");
            });
        }
        // failover: another replica reads the count and the open alert; a fourth failure neither re-fires nor resets
        try (DatabaseAlertStateStore s3 = store("replica-2");
                DriftAlerter newLeader = service(s3, 3)) {
            assertThat(newLeader.observe(down)).isEmpty();
            assertThat(s3.failedChecks("r-u")).isEqualTo(4);
            assertThat(rows("SELECT failed_checks || '|' || updated_by FROM pcl_check_failure"))
                    .containsExactly("4|replica-2");
            // back: resolved, the count forgotten
            assertThat(newLeader.observe(Observation.inSync("r-u", "junos")))
                    .singleElement()
                    .satisfies(a -> assertThat(a.status()).isEqualTo(Alert.Status.RESOLVED));
            assertThat(rows("SELECT router FROM pcl_check_failure")).isEmpty();
        }
        assertThat(receiver.accepted("/hook").stream()
                        .map(r -> r.body().get("alerts").get(0))
                        .filter(a -> a.get("labels").get("alertname").asText().equals("PortcullisRouterUnreachable"))
                        .map(a -> a.get("status").asText())
                        .toList())
                .containsExactly("firing", "resolved");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aResolveDecidedButNotDeliveredBeforeARestartIsDeliveredAfterIt(Backend b) throws Exception {
        open(b);
        try (DatabaseAlertStateStore s1 = store("replica-1");
                DriftAlerter before = service(s1)) {
            before.observe(drift("r-c", "sha256:ccc", null));
            assertThat(receiver.await(r -> alertsFor("r-c", "firing").size() == 1, Duration.ofSeconds(10)))
                    .isNotNull();
            receiver.failNext(1000, 503); // the receiver is down when the router is fixed
            before.observe(Observation.inSync("r-c", "junos"));
        }
        assertThat(rows("SELECT status FROM pcl_alert_state WHERE router = 'r-c'"))
                .containsExactly("RESOLVED");
        receiver.failNext(0, 503);
        try (DatabaseAlertStateStore s2 = store("replica-2");
                DriftAlerter after = service(s2)) {
            // no check needed: background delivery finds the undelivered resolve in the database
            assertThat(receiver.await(
                            r -> r.answeredWith() == 200
                                    && alertsFor("r-c", "resolved").size() == 1,
                            Duration.ofSeconds(10)))
                    .as("the resolve decided before the restart reaches the receiver after it")
                    .isNotNull();
            waitUntil(() -> rows("SELECT status FROM pcl_alert_state WHERE router = 'r-c'")
                    .isEmpty());
        }
        assertThat(alertsFor("r-c", "firing")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void changesMadeWhileTheDatabaseIsDownAreWrittenWhenItIsBack(Backend b) throws Exception {
        open(b);
        AtomicBoolean down = new AtomicBoolean(true);
        DataSource ds = db.dataSource();
        try (DatabaseAlertStateStore s = new DatabaseAlertStateStore(
                () -> {
                    if (down.get()) {
                        throw new StoreException("the database is unreachable (test)");
                    }
                    return ds;
                },
                "replica-1",
                () -> true,
                Clock.systemUTC(),
                Duration.ofMillis(100))) {
            assertThat(s.reload()).isFalse();
            DriftAlerter a = new DriftAlerter(
                    List.of(new WebhookSink(receiver.uri("/hook"))),
                    s,
                    AlertSettings.defaults(),
                    DeliveryListener.NONE,
                    Clock.systemUTC());
            a.observe(drift("r-d", "sha256:ddd", "bob@netconf"));
            assertThat(alertsFor("r-d", "firing"))
                    .as("alerting does not wait for the database")
                    .hasSize(1);
            assertThat(s.unwritten()).isEqualTo(1);
            assertThat(s.lastError()).contains("unreachable");
            assertThat(rows("SELECT router FROM pcl_alert_state")).isEmpty();
            down.set(false);
            waitUntil(() -> s.unwritten() == 0);
            assertThat(s.loaded()).isTrue();
            assertThat(rows("SELECT router || '|' || changed_by FROM pcl_alert_state"))
                    .containsExactly("r-d|bob@netconf");
            a.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDeposedReplicaDoesNotOverwriteTheNewLeadersState(Backend b) throws Exception {
        open(b);
        AtomicBoolean leading = new AtomicBoolean(true);
        try (DatabaseAlertStateStore s = new DatabaseAlertStateStore(
                db::dataSource, "old-leader", leading::get, Clock.systemUTC(), Duration.ofMillis(100))) {
            s.reload();
            Alert a = new Alert(
                    io.portcullis.alert.AlertName.POLICY_DRIFT,
                    Alert.Status.FIRING,
                    "r-e",
                    "junos",
                    Alert.fingerprint("r-e", io.portcullis.alert.AlertName.POLICY_DRIFT),
                    "sha256:eee",
                    "s",
                    List.of(),
                    List.of(),
                    null,
                    java.time.Instant.now(),
                    null,
                    "http://x");
            s.save(AlertState.fresh(a));
            leading.set(false);
            s.delete(a.fingerprint());
            assertThat(s.unwritten()).isZero();
            assertThat(rows("SELECT router FROM pcl_alert_state")).containsExactly("r-e");
        }
    }

    private List<String> rows(String sql) {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(until);
            Thread.sleep(50);
        }
    }
}
