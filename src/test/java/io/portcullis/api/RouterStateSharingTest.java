package io.portcullis.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.diff.ChangeItem;
import io.portcullis.diff.FateItem;
import io.portcullis.engine.drift.DriftEntry;
import io.portcullis.engine.drift.DriftMonitor;
import io.portcullis.engine.drift.RouterStatus;
import io.portcullis.ha.DatabaseRouterStateStore;
import io.portcullis.store.Backend;
import io.portcullis.store.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each router's state through the database (pcl_router_state, V6) on H2 and PostgreSQL, as two replicas share it: the
 * leader writes a router only when its state changes (a full check that changes nothing is one small write), a
 * follower reads the leader's findings (drift with changes, impact and changedBy; in policy; unreachable) with the
 * last full check's time, a new leader starts from them and writes nothing for states it already finds there, and
 * neither a password in an error text nor an encrypted key in a router's diff is stored.
 */
class RouterStateSharingTest {
    private static final String SECRET = "hunter2-not-for-the-database";
    private static final String KEY = "$9$AbCdEfGhIjKlMn";

    @TempDir
    Path tmp;

    private TestDatabase db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private void open(Backend b) {
        db = TestDatabase.open(b, tmp);
    }

    private RouterStateSharing replica(String name, BooleanSupplier leading, Map<String, RouterStatus> shown) {
        DataSource ds = db.dataSource();
        DatabaseRouterStateStore store =
                new DatabaseRouterStateStore(() -> ds, name, leading, Clock.systemUTC(), Duration.ofMillis(50));
        db.closing(store);
        RouterStateSharing s = new RouterStateSharing(new DriftMonitor.Listener() {}, store);
        s.start(known -> {
            shown.keySet().retainAll(known.keySet());
            shown.putAll(known);
        });
        return s;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theFollowerShowsTheLeadersFindingsAndANewLeaderStartsFromThem(Backend b) throws Exception {
        open(b);
        AtomicBoolean aLeads = new AtomicBoolean(true);
        Map<String, RouterStatus> onA = new ConcurrentHashMap<>();
        Map<String, RouterStatus> onB = new ConcurrentHashMap<>();
        RouterStateSharing a = replica("replica-a", aLeads::get, onA);
        RouterStateSharing follower = replica("replica-b", () -> !aLeads.get(), onB);

        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        a.checked(inSync("r1", t0));
        a.checked(drift("r2", t0, "mallory"));
        a.checked(unreachable("r3", t0));
        waitUntil("the follower shows three routers", () -> onB.size() == 3);
        long v1 = version();

        RouterStatus r2 = onB.get("r2");
        assertThat(r2.drift().status()).isEqualTo("drift");
        assertThat(r2.changedBy()).isEqualTo("mallory");
        assertThat(r2.drift().impactItems())
                .extracting(FateItem::text)
                .containsExactly("TCP/25 toward subscribers (ipv4): dropped → forwarded");
        assertThat(r2.drift().changeItems()).extracting(ChangeItem::kind).containsExactly("term-missing");
        assertThat(r2.drift().impact()).containsExactly("TCP/25 toward subscribers (ipv4): dropped → forwarded");
        assertThat(r2.lastCheck()).isEqualTo(t0);
        assertThat(onB.get("r1").inPolicy()).isTrue();
        assertThat(onB.get("r3").drift().status()).isEqualTo("error");
        assertThat(follower.writer("r2")).isEqualTo("replica-a");

        // the same states found again: nothing written; a full check that found them: one write, and the follower's age
        // moves
        a.checked(inSync("r1", t0.plusSeconds(30)));
        a.checked(drift("r2", t0.plusSeconds(30), null));
        assertThat(a.store().unwritten())
                .as("unchanged states are not written again")
                .isZero();
        Thread.sleep(300);
        assertThat(version()).isEqualTo(v1);
        Instant full = t0.plusSeconds(60);
        a.fullCheck(full, 3);
        waitUntil(
                "the follower sees the full check",
                () -> full.equals(onB.get("r1").lastCheck()));
        assertThat(version()).isEqualTo(v1 + 1);
        assertThat(rows("SELECT router FROM pcl_router_state WHERE changed_at > ?", t0))
                .as("no router row rewritten")
                .isEmpty();
        assertThat(onB.get("r2").changedBy())
                .as("the author kept across checks")
                .isEqualTo("mallory");

        // nothing secret in the table, in any column
        String everything = String.join(
                "\n",
                rows(
                        "SELECT router || platform || state || COALESCE(fingerprint, '') || COALESCE(changed_by, '')"
                                + " || digest || status_json || COALESCE(updated_by, '') FROM pcl_router_state",
                        null));
        assertThat(everything)
                .contains("mallory")
                .contains("ACCESS-SUBSCRIBERS")
                .doesNotContain(SECRET)
                .doesNotContain(KEY);
        assertThat(onB.get("r3").drift().error()).contains("password=***").doesNotContain(SECRET);

        // failover: replica-b leads, starts from the table and writes only what changes
        aLeads.set(false);
        assertThat(follower.takeOver()).isTrue();
        long v2 = version();
        follower.checked(drift("r2", t0.plusSeconds(90), null));
        follower.checked(inSync("r1", t0.plusSeconds(90)));
        assertThat(follower.store().unwritten())
                .as("the new leader's first check finds what the old one recorded")
                .isZero();
        follower.checked(inSync("r2", t0.plusSeconds(91)));
        waitUntil("the resolve is written", () -> version() > v2);
        assertThat(rows("SELECT state || '|' || updated_by FROM pcl_router_state WHERE router = 'r2'", null))
                .containsExactly("in-sync|replica-b");
        waitUntil(
                "replica-a, now following, shows it",
                () -> onA.containsKey("r2") && onA.get("r2").inPolicy());
    }

    private static RouterStatus inSync(String router, Instant at) {
        return new RouterStatus(
                router,
                "junos",
                new DriftEntry(router, "junos", "in-sync", null, List.of(), List.of(), null, null, null),
                at,
                12,
                "schedule",
                new RouterStatus.Revisions("3f2a9c1d07be (sha256:0123456789ab…)", null, null),
                null);
    }

    private static RouterStatus drift(String router, Instant at, String changedBy) {
        String impact = "TCP/25 toward subscribers (ipv4): dropped → forwarded";
        ChangeItem change = new ChangeItem(
                "term-missing",
                "ACCESS-SUBSCRIBERS",
                "block-smtp",
                null,
                "destination ports 25",
                null,
                List.of(),
                "filter ACCESS-SUBSCRIBERS: term block-smtp missing");
        FateItem fate =
                new FateItem("tcp", 25, null, "ipv4", "to-subscriber", null, List.of(), "dropped", "forwarded", impact);
        DriftEntry d = new DriftEntry(
                router,
                "junos",
                "drift",
                "sha256:feed",
                List.of(change.text()),
                List.of(impact),
                "<unit><family><inet><filter>ACCESS-SUBSCRIBERS</filter></inet></family><vrrp><authentication-key>"
                        + KEY + "</authentication-key></vrrp></unit>",
                null,
                null,
                List.of(change),
                List.of(fate));
        return new RouterStatus(
                router,
                "junos",
                d,
                at,
                40,
                "notification",
                new RouterStatus.Revisions("3f2a9c1d07be (sha256:0123456789ab…)", null, null),
                changedBy == null
                        ? "mallory"
                        : changedBy); // the monitor carries the open alert's author on every later check
    }

    private static RouterStatus unreachable(String router, Instant at) {
        return new RouterStatus(
                router,
                "iosxr",
                new DriftEntry(
                        router,
                        "iosxr",
                        "error",
                        null,
                        List.of(),
                        List.of(),
                        null,
                        "AUTH_FAILED",
                        "authentication failed for admin (password=" + SECRET + ")"),
                at,
                5000,
                "schedule",
                null,
                null);
    }

    private long version() {
        try {
            return Long.parseLong(rows("SELECT version FROM pcl_fleet_check WHERE id = 1", null)
                    .get(0));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> rows(String sql, Instant param) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setObject(1, param.atOffset(java.time.ZoneOffset.UTC));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static void waitUntil(String what, BooleanSupplier c) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!c.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(until);
            Thread.sleep(50);
        }
    }
}
