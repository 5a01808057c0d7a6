package io.portcullis.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.engine.memory.RouterLocks;
import io.portcullis.store.Backend;
import io.portcullis.store.DbSettings;
import io.portcullis.store.StoreOpener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Router lock rows taken in batches ({@link LockRowInserts}) on H2 and PostgreSQL: a hundred threads asking at once
 * (a parallel apply's workers) borrow a few connections between them, not one each, and each holds its own row; a
 * thread interrupted while it waits keeps the row it was given; two processes racing for the same routers leave each
 * router one holder and tell the other who it is.
 */
class LockRowInsertsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aHundredThreadsAskingAtOnceShareAFewBatchesAndEachHoldsItsOwnRow(Backend backend) throws Exception {
        DbSettings db = backend.fresh(tmp);
        StoreOpener.Database opened = StoreOpener.database(db);
        AtomicInteger borrowed = new AtomicInteger();
        DataSource counting = BorrowWatch.around(opened.dataSource(), borrowed::incrementAndGet);
        DatabaseRouterLocks locks = new DatabaseRouterLocks(counting, opened.where(), Guards.LOCK_TTL);
        int threads = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier together = new CyclicBarrier(threads);
        List<RouterLocks.Lease> leases = new ArrayList<>();
        try {
            List<Future<RouterLocks.Lease>> taken = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String key = "10.0.4." + i + ":830";
                taken.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return locks.acquire(key, new RouterLocks.Holder("run-1", "alice"), Duration.ZERO);
                }));
            }
            for (Future<RouterLocks.Lease> f : taken) {
                leases.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(Backend.count(db, "SELECT count(*) FROM pcl_router_lock"))
                    .isEqualTo(threads);
            assertThat(Backend.count(db, "SELECT count(DISTINCT token) FROM pcl_router_lock"))
                    .as("a token of its own per lease")
                    .isEqualTo(threads);
            assertThat(borrowed.get())
                    .as("connections borrowed to take %d rows (one each before batching)", threads)
                    .isLessThan(threads / 2);
        } finally {
            leases.forEach(RouterLocks.Lease::close);
            pool.shutdownNow();
            locks.close();
            opened.owner().close();
            backend.drop(db);
        }
    }

    /**
     * A thread interrupted while its batch is in the database still gets its answer: the lease it is given is backed by
     * the row, so another process cannot take the router meanwhile (a thread inserting its own row, as before
     * batching, was not stopped by an interrupt either). The batch is made slow (300 ms to lend a connection) so that
     * the interrupt surely comes while it waits.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aThreadInterruptedWhileItsBatchIsUnderWayHoldsTheRowItWasGiven(Backend backend) throws Exception {
        DbSettings db = backend.fresh(tmp);
        StoreOpener.Database opened = StoreOpener.database(db);
        CountDownLatch batchUnderWay = new CountDownLatch(1);
        DataSource slow = BorrowWatch.slowFor(opened.dataSource(), "portcullis-router-lock-inserts", batchUnderWay);
        DatabaseRouterLocks locks = new DatabaseRouterLocks(slow, opened.where(), Guards.LOCK_TTL);
        AtomicReference<RouterLocks.Lease> lease = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            lease.set(locks.acquire("10.0.6.1:830", new RouterLocks.Holder("run-1", "alice"), Duration.ZERO));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        try (Guards.Opened other = LockRowGuards.open(db, "bob")) {
            worker.start();
            assertThat(batchUnderWay.await(5, TimeUnit.SECONDS)).isTrue();
            worker.interrupt();
            worker.join(10_000);
            assertThat(lease.get()).isNotNull();
            assertThat(stillInterrupted)
                    .as("the interrupt is kept for the caller")
                    .isTrue();
            Thread.sleep(200); // longer than the release batch: a row given back would be gone now
            assertThat(Backend.count(db, "SELECT count(*) FROM pcl_router_lock WHERE run_id = 'run-1'"))
                    .as("the lease is backed by its row")
                    .isEqualTo(1);
            assertThatThrownBy(() -> other.guard()
                            .locks()
                            .acquire("10.0.6.1:830", new RouterLocks.Holder("run-2", "bob"), Duration.ZERO))
                    .isInstanceOf(RouterLocks.RouterBusy.class);
        } finally {
            if (lease.get() != null) {
                lease.get().close();
            }
            locks.close();
            opened.owner().close();
            backend.drop(db);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void twoProcessesRacingForTheSameRoutersLeaveEachOneHolderAndTellTheOtherWhoItIs(Backend backend) throws Exception {
        DbSettings db = backend.fresh(tmp);
        int routers = 30;
        ExecutorService pool = Executors.newFixedThreadPool(2 * routers);
        CyclicBarrier together = new CyclicBarrier(2 * routers);
        List<RouterLocks.Lease> leases = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Guards.Opened alice = LockRowGuards.open(db, "alice");
                Guards.Opened bob = LockRowGuards.open(db, "bob")) {
            ConcurrentHashMap<String, List<String>> outcomes = new ConcurrentHashMap<>();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < routers; i++) {
                String key = "10.0.5." + i + ":830";
                for (Guards.Opened who : List.of(alice, bob)) {
                    String run = "run-of-" + who.guard().actor();
                    done.add(pool.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        String outcome;
                        try {
                            leases.add(who.guard()
                                    .locks()
                                    .acquire(
                                            key,
                                            new RouterLocks.Holder(
                                                    run, who.guard().actor()),
                                            Duration.ZERO));
                            outcome = "took:" + run;
                        } catch (RouterLocks.RouterBusy busy) {
                            outcome = "refused:" + run + ":held-by:"
                                    + busy.holder().runId();
                        }
                        outcomes.computeIfAbsent(key, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                                .add(outcome);
                        return null;
                    }));
                }
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertThat(outcomes).hasSize(routers);
            outcomes.forEach((key, o) -> {
                assertThat(o).as(key).hasSize(2);
                List<String> took =
                        o.stream().filter(s -> s.startsWith("took:")).toList();
                assertThat(took).as(key + ": " + o).hasSize(1);
                String holder = took.get(0).substring("took:".length());
                String other = holder.equals("run-of-alice") ? "run-of-bob" : "run-of-alice";
                assertThat(o).as(key).contains("refused:" + other + ":held-by:" + holder);
            });
            assertThat(Backend.count(db, "SELECT count(*) FROM pcl_router_lock"))
                    .isEqualTo(routers);
            leases.forEach(RouterLocks.Lease::close);
        } finally {
            pool.shutdownNow();
            backend.drop(db);
        }
    }
}
