package io.portcullis.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.engine.memory.RouterLocks;
import io.portcullis.engine.memory.RouterLocks.Holder;
import io.portcullis.store.Backend;
import io.portcullis.store.CutDatabase;
import io.portcullis.store.DbSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router locks of PostgreSQL ({@link AdvisoryRouterLocks}) against the lab server: the other holders are real
 * sessions (a plain JDBC connection named as a Portcullis run would be, or a second JVM), since every run of one JVM
 * first queues on its in-process lock and never reaches the database against another.
 */
class AdvisoryRouterLocksTest {
    private static final Holder ALICE = new Holder("run-of-alice", "alice");
    private static final String ROUTER = "10.0.0.9:830";

    @TempDir
    Path tmp;

    private DbSettings db;

    @BeforeEach
    void freshSchema() {
        db = Backend.POSTGRESQL.fresh(tmp); // skipped, with the reason, without the lab server
        try (Guards.Opened g = Guards.open(db, "migrate")) { // the schema this version knows, V12 included
            assertThat(g.sharedLocks())
                    .as("PostgreSQL locks routers with advisory locks")
                    .isInstanceOf(AdvisoryRouterLocks.class);
        }
    }

    @AfterEach
    void dropSchema() {
        if (db != null) {
            Backend.POSTGRESQL.drop(db);
        }
    }

    @Test
    void aRouterAnotherSessionHoldsIsRefusedNamingItsRunAndActorAndTakenOnceLetGo() throws Exception {
        AdvisoryRouterLocks locks = new AdvisoryRouterLocks(db, "lab");
        try (Connection other = session("portcullis run-of-bob bob@ci")) {
            long k = AdvisoryRouterLocks.keyOf(schemaOf(other), ROUTER);
            assertThat(bool(other, "SELECT pg_try_advisory_lock(" + k + ")")).isTrue();
            assertThatThrownBy(() -> locks.acquire(ROUTER, ALICE, Duration.ofMillis(600)))
                    .isInstanceOf(RouterLocks.RouterBusy.class)
                    .hasMessage(
                            "another Portcullis run holds this router (" + ROUTER + ": run run-of-bob, actor bob@ci)");
            Thread releaser = new Thread(() -> {
                sleep(400);
                try {
                    bool(other, "SELECT pg_advisory_unlock(" + k + ")");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            releaser.start();
            long t0 = System.nanoTime();
            try (RouterLocks.Lease mine = locks.acquire(ROUTER, ALICE, Duration.ofSeconds(10))) {
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofMillis(300));
                assertThat(bool(other, "SELECT pg_try_advisory_lock(" + k + ")"))
                        .as("held by alice's session now")
                        .isFalse();
                assertThat(holderName(other, k)).isEqualTo("portcullis run-of-alice alice");
            }
            releaser.join();
            assertThat(eventually(other, k))
                    .as("released soon after the lease closed")
                    .isTrue();
        } finally {
            locks.close();
        }
    }

    @Test
    void aSecondProcessHoldingTheRouterRefusesAndItsKillFreesItAtOnce() throws Exception {
        Process holder = LockHolderProcess.start(db.url(), ROUTER, "run-of-carol", "carol", db);
        AdvisoryRouterLocks locks = new AdvisoryRouterLocks(db, "lab");
        try {
            assertThatThrownBy(() -> locks.acquire(ROUTER, ALICE, Duration.ofMillis(300)))
                    .isInstanceOf(RouterLocks.RouterBusy.class)
                    .hasMessageContaining("run run-of-carol, actor carol");
            holder.destroyForcibly(); // SIGKILL: nothing released by the process itself
            assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
            // the server ends the session when the socket closes; no row lives on for a ttl
            try (RouterLocks.Lease mine = locks.acquire(ROUTER, ALICE, Duration.ofSeconds(5))) {
                assertThat(mine).isNotNull();
            }
        } finally {
            holder.destroyForcibly();
            locks.close();
        }
    }

    @Test
    void anotherSchemaOfTheSameDatabaseIsAnotherInstallationAndDoesNotCollide() throws Exception {
        AdvisoryRouterLocks locks = new AdvisoryRouterLocks(db, "lab");
        try (Connection other = session("portcullis run-of-bob bob")) {
            long elsewhere = AdvisoryRouterLocks.keyOf("some_other_schema", ROUTER);
            assertThat(elsewhere).isNotEqualTo(AdvisoryRouterLocks.keyOf(schemaOf(other), ROUTER));
            assertThat(bool(other, "SELECT pg_try_advisory_lock(" + elsewhere + ")"))
                    .isTrue();
            try (RouterLocks.Lease mine = locks.acquire(ROUTER, ALICE, Duration.ZERO)) {
                assertThat(mine).isNotNull();
            }
        } finally {
            locks.close();
        }
    }

    @Test
    void aLostSessionIsReopenedAndItsRoutersTakenAgainExceptOneAnotherRunTookMeanwhile() throws Exception {
        AdvisoryRouterLocks locks = new AdvisoryRouterLocks(db, "lab", Duration.ofHours(1), Duration.ofHours(1));
        String second = "10.0.0.10:830";
        try (Connection other = session("portcullis run-of-bob bob");
                RouterLocks.Lease a = locks.acquire(ROUTER, ALICE, Duration.ZERO);
                RouterLocks.Lease b = locks.acquire(second, ALICE, Duration.ZERO)) {
            String schema = schemaOf(other);
            long ka = AdvisoryRouterLocks.keyOf(schema, ROUTER);
            long kb = AdvisoryRouterLocks.keyOf(schema, second);
            assertThat(bool(
                            other,
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                    + " WHERE application_name = 'portcullis run-of-alice alice'"))
                    .isTrue();
            // the locks went with the session: another run takes one of the two routers meanwhile
            assertThat(eventually(other, kb)).isTrue();
            locks.checkSessions(); // what the chore thread does every 20 s
            assertThat(holderName(other, ka)).as("taken again").isEqualTo("portcullis run-of-alice alice");
            assertThat(holderName(other, kb))
                    .as("still bob's (and logged as lost)")
                    .isNull();
            assertThat(bool(other, "SELECT pg_advisory_unlock(" + kb + ")")).isTrue();
        } finally {
            locks.close();
        }
    }

    @Test
    void aSessionIdleLongerThanItsLimitIsClosedAndClosingTheLocksEndsEverySession() throws Exception {
        AdvisoryRouterLocks locks = new AdvisoryRouterLocks(db, "lab", Duration.ofHours(1), Duration.ofMillis(200));
        try (Connection other = session("test")) {
            locks.acquire(ROUTER, ALICE, Duration.ZERO).close();
            locks.acquire("10.0.0.11:830", new Holder("run-of-dave", "dave"), Duration.ZERO);
            assertThat(locks.openSessions()).isEqualTo(2);
            sleep(400);
            locks.checkSessions();
            assertThat(locks.openSessions())
                    .as("alice's run held nothing for 200 ms; dave's holds a router")
                    .isEqualTo(1);
            assertThat(count(
                            other,
                            "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'portcullis run-of-%'"))
                    .isEqualTo(1);
            locks.close();
            assertThat(eventually(other, AdvisoryRouterLocks.keyOf(schemaOf(other), "10.0.0.11:830")))
                    .as("dave's router is free once the locks closed")
                    .isTrue();
        } finally {
            locks.close();
        }
    }

    @Test
    void aDatabaseCutMidRunLeavesTheRunWithThisJvmsLocksAndNoErrorAndItsLocksComeBackWithIt() throws Exception {
        try (CutDatabase cutDb = CutDatabase.of(Backend.POSTGRESQL, tmp.resolve("cut"))) {
            Guards.open(cutDb.direct(), "migrate").close();
            AdvisoryRouterLocks locks =
                    new AdvisoryRouterLocks(cutDb.viaCut(), "lab", Duration.ofHours(1), Duration.ofHours(1));
            try {
                RouterLocks.Lease held = locks.acquire(ROUTER, ALICE, Duration.ZERO);
                locks.acquire("10.0.0.12:830", ALICE, Duration.ZERO).close(); // its unlock waits for the next batch
                cutDb.cut().cut();
                // the broken session is found by the pending unlock, then by the try: a run goes on, as with rows
                try (RouterLocks.Lease local = locks.acquire("10.0.0.13:830", ALICE, Duration.ofSeconds(2))) {
                    assertThat(local).isNotNull();
                }
                cutDb.cut().restore();
                Thread.sleep(AdvisoryRouterLocks.AWAY_BACKOFF.toMillis() + 200);
                try (Connection other = sessionTo(cutDb.direct(), "test");
                        RouterLocks.Lease again = locks.acquire("10.0.0.14:830", ALICE, Duration.ofSeconds(5))) {
                    long k = AdvisoryRouterLocks.keyOf(schemaOf(other), ROUTER);
                    assertThat(holderName(other, k))
                            .as("the router held through the cut is held again by the run's new session")
                            .isEqualTo("portcullis run-of-alice alice");
                }
                held.close();
            } finally {
                locks.close();
            }
        }
    }

    @Test
    void theSessionNameCarriesRunAndActorInPrintableAsciiWithinWhatPostgresqlKeeps() {
        Holder h = new Holder("3f1c2a9e-0c4b-4a53-9d0e-5b0f3f0c9a11", "gitlab:jörg pipeline 77");
        String name = AdvisoryLockSession.applicationName(h);
        assertThat(name).isEqualTo("portcullis 3f1c2a9e-0c4b-4a53-9d0e-5b0f3f0c9a11 gitlab:j?rg pip");
        assertThat(name.length()).isEqualTo(63);
        assertThat(AdvisoryLockSession.holderOf(name, 7))
                .isEqualTo(new Holder("3f1c2a9e-0c4b-4a53-9d0e-5b0f3f0c9a11", "gitlab:j?rg pip"));
        assertThat(AdvisoryLockSession.holderOf(null, 4242)).isEqualTo(new Holder("(PostgreSQL session 4242)", "-"));
        assertThat(AdvisoryRouterLocks.keyOf("public", ROUTER)).isNotNegative();
    }

    private Connection session(String applicationName) throws SQLException {
        return sessionTo(db, applicationName);
    }

    private static Connection sessionTo(DbSettings db, String applicationName) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", db.username());
        p.setProperty("password", db.password());
        p.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(db.url(), p);
    }

    private static String schemaOf(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT current_schema()");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean bool(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The application_name of the other session holding {@code key}, or null when none does. */
    private static String holderName(Connection c, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT a.application_name FROM pg_locks l"
                + " JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted"
                + " AND l.objsubid = 1 AND l.pid <> pg_backend_pid()"
                + " AND l.classid::bigint * 4294967296 + l.objid::bigint = ?")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Takes {@code key} in {@code c} within 5 s (a release is sent in a batch a moment later); true when it did. */
    private static boolean eventually(Connection c, long key) throws SQLException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < until) {
            if (bool(c, "SELECT pg_try_advisory_lock(" + key + ")")) {
                return true;
            }
            sleep(50);
        }
        return false;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
