package io.portcullis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Migration V11 on both real back ends: each distinct pre-image is kept once and every router's row names it; rows
 * written before V11 (pre-image inline) still read; retention deletes only pre-images that are both unused since the
 * cutoff and named by no row; writers racing for one new pre-image all succeed and leave one row.
 */
class PreImagesOnceTest {
    private static final String JUNOS = "<filter><name>SUBSCRIBER-PROTECT</name><term>deny-snmp</term></filter>";
    private static final String IOSXR = "<ipv4-acl><name>SUBSCRIBER-PROTECT</name><ace>10</ace></ipv4-acl>";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aThousandRoutersOfTwoSubtreesKeepTwoPreImagesAndEachRouterReadsItsOwn(Backend b) {
        DbSettings s = b.fresh(tmp);
        try (RunStore store = StoreOpener.open(s)) {
            Instant now = Instant.now();
            store.beginRun(RunStoreContractTest.start("run-1", "apply", now));
            List<RouterRecord> batch = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                batch.add(router("r" + i, i % 3 == 0 ? IOSXR : JUNOS));
                if (batch.size() == 100) { // as RunRecording sends them: several batches of one run
                    store.recordRouters("run-1", batch);
                    batch.clear();
                }
            }
            store.recordRouter("run-1", router("untouched", null));
            store.finishRun("run-1", now.plusSeconds(30), 0, null);

            assertThat(RunStoreContractTest.count(s, "SELECT COUNT(*) FROM pcl_pre_image"))
                    .isEqualTo(2);
            assertThat(RunStoreContractTest.count(s, "SELECT COUNT(*) FROM pcl_router_run WHERE pre_image IS NOT NULL"))
                    .as("no row carries its pre-image inline any more")
                    .isZero();
            assertThat(store.preImage("run-1", "r0")).contains(IOSXR);
            assertThat(store.preImage("run-1", "r1")).contains(JUNOS);
            assertThat(store.preImage("run-1", "r999")).contains(IOSXR);
            assertThat(store.preImage("run-1", "untouched")).isEmpty();
            assertThat(RunStoreContractTest.count(
                            s,
                            "SELECT COUNT(*) FROM pcl_router_run WHERE pre_image_digest = '"
                                    + JdbcPreImages.digest(JUNOS) + "'"))
                    .isEqualTo(666);
        } finally {
            b.drop(s);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRowWrittenBeforeTheMigrationKeepsItsInlinePreImage(Backend b) {
        DbSettings s = b.fresh(tmp);
        try (RunStore store = StoreOpener.open(s)) {
            store.beginRun(RunStoreContractTest.start("run-old", "apply", Instant.now()));
            Backend.exec(
                    s,
                    "INSERT INTO pcl_router_run (run_id, router, run_started_at, state, pre_image, recorded_at)"
                            + " SELECT id, 'bng-legacy', started_at, 'APPLIED', '<legacy/>', started_at FROM pcl_run");
            assertThat(store.preImage("run-old", "bng-legacy")).contains("<legacy/>");
        } finally {
            b.drop(s);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void retentionDeletesAPreImageOnlyWhenUnusedSinceTheCutoffAndNamedByNoRow(Backend b) {
        DbSettings s = b.fresh(tmp);
        Instant now = Instant.now();
        Instant old = now.minus(Duration.ofDays(31));
        String gone = "<only-in-an-old-run/>";
        String shared = "<in-an-old-and-a-young-run/>";
        try (RunStore store = StoreOpener.open(s)) {
            store.beginRun(RunStoreContractTest.start("run-31d", "apply", old));
            store.recordRouters("run-31d", List.of(router("bng-1", gone), router("bng-2", shared)));
            store.beginRun(RunStoreContractTest.start("run-1d", "apply", now.minus(Duration.ofDays(1))));
            store.recordRouter("run-1d", router("bng-3", shared));
            // both last used a long time ago, as if no run had recorded them since (this store renewed them once only)
            Backend.exec(
                    s, "UPDATE pcl_pre_image SET last_used_at = TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00'");

            assertThat(store.prune(now.minus(Duration.ofDays(30))))
                    .as("runs deleted")
                    .isEqualTo(1);

            assertThat(RunStoreContractTest.count(s, "SELECT COUNT(*) FROM pcl_pre_image"))
                    .as("the old run's own pre-image went with it; the one a young row names stays")
                    .isEqualTo(1);
            assertThat(store.preImage("run-1d", "bng-3")).contains(shared);

            // a retention shorter than a day never deletes a pre-image used in the last two days, even when no row
            // names it any more: a store that wrote it less than a day ago would not write it again
            store.beginRun(RunStoreContractTest.start("run-now", "apply", now));
            store.recordRouter("run-now", router("bng-4", "<used-just-now/>"));
            Backend.exec(s, "DELETE FROM pcl_run WHERE id = 'run-now'");
            store.prune(now.plus(Duration.ofHours(1)));
            assertThat(RunStoreContractTest.count(
                            s, "SELECT COUNT(*) FROM pcl_pre_image WHERE body = '<used-just-now/>'"))
                    .isEqualTo(1);
        } finally {
            b.drop(s);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void eightProcessesRecordingOneNewPreImageAtOnceAllSucceedAndLeaveOneRow(Backend b) throws Exception {
        DbSettings s = b.fresh(tmp);
        StoreOpener.database(s).owner().close(); // migrated once, before the race
        int writers = 8;
        CyclicBarrier together = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String run = "run-" + w;
                done.add(pool.submit(() -> {
                    try (RunStore store = StoreOpener.open(s)) { // a store of its own: nothing remembered
                        store.beginRun(RunStoreContractTest.start(run, "apply", Instant.now()));
                        together.await(30, TimeUnit.SECONDS);
                        store.recordRouters(run, List.of(router("bng-a", "<new-everywhere/>")));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertThat(RunStoreContractTest.count(s, "SELECT COUNT(*) FROM pcl_pre_image"))
                    .isEqualTo(1);
            assertThat(RunStoreContractTest.count(
                            s, "SELECT COUNT(*) FROM pcl_router_run WHERE pre_image_digest IS NOT NULL"))
                    .isEqualTo(writers);
        } finally {
            pool.shutdownNow();
            b.drop(s);
        }
    }

    private static RouterRecord router(String name, String preImage) {
        return new RouterRecord(
                name,
                "junos",
                preImage == null ? "NO_CHANGE" : "APPLIED",
                null,
                List.of(),
                List.of(),
                "sha256:before",
                "sha256:after",
                preImage,
                null,
                12,
                null);
    }
}
