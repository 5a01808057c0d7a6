package io.portcullis.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.engine.memory.Quarantine;
import io.portcullis.engine.memory.Quirk;
import io.portcullis.engine.memory.RouterLocks;
import io.portcullis.engine.memory.RouterMemory;
import io.portcullis.store.Backend;
import io.portcullis.store.DbSettings;
import io.portcullis.store.StoreOpener;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The router guard kept outside the process, on H2 and PostgreSQL (migration V5) and in the state file: quirks and
 * quarantine survive a new connection; a router lock row of another process refuses with its run id and actor until it
 * is released or expires.
 */
class RouterGuardStoreTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void quirksAndQuarantineAreKeptInTheDatabase(Backend backend) {
        DbSettings db = backend.fresh(tmp);
        try {
            try (Guards.Opened g = Guards.open(db, "alice")) {
                exercise(g.guard().memory());
            }
            try (Guards.Opened again = Guards.open(db, "bob")) {
                assertThat(again.guard().memory().quirks("r1")).containsExactly(Quirk.VALIDATE_LOSES_EDITS);
                assertThat(again.guard().memory().quarantined())
                        .extracting(Quarantine::router)
                        .containsExactly("r3");
            }
        } finally {
            backend.drop(db);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aLockRowOfAnotherProcessRefusesWithItsRunAndActorUntilItExpires(Backend backend) {
        DbSettings db = backend.fresh(tmp);
        try (Guards.Opened g = LockRowGuards.open(db, "alice")) {
            RouterLocks locks = g.guard().locks();
            // another process holds 10.0.0.1:830 (its row, as DatabaseRouterLocks writes it)
            Backend.exec(
                    db,
                    "INSERT INTO pcl_router_lock (lock_key, run_id, actor, token, acquired_at, expires_at) VALUES"
                            + " ('10.0.0.1:830', 'run-of-bob', 'bob', 't', CURRENT_TIMESTAMP, " + future(db) + ")");
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> locks.acquire(
                            "10.0.0.1:830", new RouterLocks.Holder("run-of-alice", "alice"), Duration.ofMillis(600)))
                    .isInstanceOf(RouterLocks.RouterBusy.class)
                    .hasMessage("another Portcullis run holds this router (10.0.0.1:830: run run-of-bob, actor bob)");
            assertThat(Duration.ofNanos(System.nanoTime() - t0))
                    .as("waited before refusing")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(500));
            // another router is free meanwhile, and a second take of it by anyone waits for the release
            try (RouterLocks.Lease other =
                    locks.acquire("10.0.0.2:830", new RouterLocks.Holder("run-of-alice", "alice"), Duration.ZERO)) {
                assertThat(other).isNotNull();
            }
            // bob's process died: its row expires and the next run takes the router over
            Backend.exec(
                    db,
                    "UPDATE pcl_router_lock SET expires_at = TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00' WHERE lock_key = '10.0.0.1:830'");
            try (RouterLocks.Lease mine = locks.acquire(
                    "10.0.0.1:830", new RouterLocks.Holder("run-of-alice", "alice"), Duration.ofSeconds(5))) {
                assertThat(mine).isNotNull();
            }
            // released: the row is gone, the router free
            try (RouterLocks.Lease again =
                    locks.acquire("10.0.0.1:830", new RouterLocks.Holder("run-2", "alice"), Duration.ZERO)) {
                assertThat(again).isNotNull();
            }
        } finally {
            backend.drop(db);
        }
    }

    /**
     * CI, 2026-12-07: the first of two applies released its router and ended while its batch of deletes was under
     * way; closing interrupted the batch and closed the pool under it, the row stayed for the lock's two-minute ttl and
     * the second apply, waiting 60 s, was refused ROUTER_BUSY. Here the database is slow for the batch's thread (300
     * ms to lend a connection), so the batch is surely under way when the process closes.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aBatchOfDeletesUnderWayWhenTheProcessClosesStillDeletesItsRows(Backend backend) throws Exception {
        DbSettings db = backend.fresh(tmp);
        try {
            Guards.open(db, "set-up").close();
            StoreOpener.Database opened = StoreOpener.database(db);
            CountDownLatch batchUnderWay = new CountDownLatch(1);
            DataSource slowForTheBatch =
                    BorrowWatch.slowFor(opened.dataSource(), "portcullis-router-locks", batchUnderWay);
            DatabaseRouterLocks locks = new DatabaseRouterLocks(slowForTheBatch, opened.where(), Guards.LOCK_TTL);
            locks.acquire("10.0.3.1:830", new RouterLocks.Holder("run-1", "alice"), Duration.ZERO)
                    .close();
            assertThat(batchUnderWay.await(5, TimeUnit.SECONDS)).isTrue();
            locks.close(); // as Guards.Opened does when the command ends: the locks first, then the pool
            opened.owner().close();
            assertThat(Backend.count(db, "SELECT count(*) FROM pcl_router_lock"))
                    .as("the released row was deleted, not left for the next run to wait out")
                    .isZero();
        } finally {
            backend.drop(db);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void releasedRowsLeaveTogetherSoonAndAtCloseAtOnceAndAnotherProcessTakesTheRouter(Backend backend)
            throws Exception {
        DbSettings db = backend.fresh(tmp);
        try {
            try (Guards.Opened mine = LockRowGuards.open(db, "alice");
                    Guards.Opened other = LockRowGuards.open(db, "bob")) {
                RouterLocks.Holder me = new RouterLocks.Holder("run-of-alice", "alice");
                java.util.List<RouterLocks.Lease> held = new java.util.ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    held.add(mine.guard().locks().acquire("10.0.1." + i + ":830", me, Duration.ZERO));
                }
                assertThat(Backend.count(db, "SELECT count(*) FROM pcl_router_lock"))
                        .isEqualTo(50);
                held.forEach(RouterLocks.Lease::close);
                long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                while (Backend.count(db, "SELECT count(*) FROM pcl_router_lock") > 0 && System.nanoTime() < until) {
                    Thread.sleep(5);
                }
                assertThat(Backend.count(db, "SELECT count(*) FROM pcl_router_lock"))
                        .as("50 released rows deleted in a batch")
                        .isZero();
                // another process takes a router this one just released
                RouterLocks.Lease a = mine.guard().locks().acquire("10.0.2.1:830", me, Duration.ZERO);
                a.close();
                try (RouterLocks.Lease b = other.guard()
                        .locks()
                        .acquire("10.0.2.1:830", new RouterLocks.Holder("run-of-bob", "bob"), Duration.ofSeconds(5))) {
                    assertThat(b).isNotNull();
                }
                // this process takes back at once what it released a moment ago
                RouterLocks.Lease c = mine.guard().locks().acquire("10.0.2.2:830", me, Duration.ZERO);
                c.close();
                try (RouterLocks.Lease d = mine.guard().locks().acquire("10.0.2.2:830", me, Duration.ZERO)) {
                    assertThat(d).isNotNull();
                }
                mine.guard().locks().acquire("10.0.2.3:830", me, Duration.ZERO).close();
            }
            assertThat(Backend.count(db, "SELECT count(*) FROM pcl_router_lock"))
                    .as("closing deletes what was still waiting")
                    .isZero();
        } finally {
            backend.drop(db);
        }
    }

    @org.junit.jupiter.api.Test
    void withRecordingOffTheyAreKeptInTheStateFile() {
        System.setProperty("portcullis.state-dir", tmp.resolve("state").toString());
        try {
            try (Guards.Opened g = Guards.open(DbSettings.off(), "alice")) {
                assertThat(g.where()).endsWith("routers.json");
                exercise(g.guard().memory());
            }
            RouterMemory reread = new FileRouterMemory(tmp.resolve("state").resolve("routers.json"));
            assertThat(reread.quirks("r1")).containsExactly(Quirk.VALIDATE_LOSES_EDITS);
            assertThat(reread.quarantined()).extracting(Quarantine::router).containsExactly("r3");
        } finally {
            System.clearProperty("portcullis.state-dir");
        }
    }

    private static void exercise(RouterMemory m) {
        assertThat(m.quirks("r1")).isEmpty();
        m.remember("r1", Quirk.VALIDATE_LOSES_EDITS, "run-1");
        m.remember("r1", Quirk.VALIDATE_LOSES_EDITS, "run-2"); // found again: still one
        assertThat(m.quirks("r1")).containsExactly(Quirk.VALIDATE_LOSES_EDITS);
        assertThat(m.quirks("r2")).isEmpty();
        assertThat(m.allQuirks())
                .as("a run's one read")
                .isEqualTo(java.util.Map.of("r1", java.util.Set.of(Quirk.VALIDATE_LOSES_EDITS)));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        m.quarantine(new Quarantine(
                "r2",
                "10.0.0.2:830",
                "ROLLBACK_FAILED",
                "ROLLBACK_FAILED: cancel-commit failed",
                "run-1",
                "alice",
                now));
        m.quarantine(new Quarantine(
                "r3",
                null,
                "UNKNOWN_RECONCILED",
                "UNKNOWN: could not be read back",
                "run-1",
                "alice",
                now.plusSeconds(1)));
        assertThat(m.quarantined()).extracting(Quarantine::router).containsExactly("r2", "r3");
        assertThat(m.quarantine("r2")).get().satisfies(q -> {
            assertThat(q.state()).isEqualTo("ROLLBACK_FAILED");
            assertThat(q.runId()).isEqualTo("run-1");
            assertThat(q.address()).isEqualTo("10.0.0.2:830");
            assertThat(q.covers("alias-of-r2", "10.0.0.2:830"))
                    .as("another name of the same box")
                    .isTrue();
            assertThat(q.covers("r2", "10.0.0.9:830"))
                    .as("the name at another address")
                    .isFalse();
            assertThat(q.describe()).contains("portcullis quarantine release r2");
        });
        assertThat(m.release("r2")).isTrue();
        assertThat(m.release("r2")).as("released already").isFalse();
        assertThat(m.quarantined()).extracting(Quarantine::router).containsExactly("r3");
    }

    private static String future(DbSettings db) {
        return "TIMESTAMP WITH TIME ZONE '2999-01-01 00:00:00+00'";
    }
}
