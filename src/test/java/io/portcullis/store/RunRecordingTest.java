package io.portcullis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CLI run's recorder on a real (H2) store: routers that finish together share a transaction, and nothing is lost. */
class RunRecordingTest {
    @TempDir
    Path tmp;

    @Test
    void routersFinishingTogetherAreWrittenInAFewBatchesAndAllOfThemLand() throws Exception {
        DbSettings s = Backend.H2.fresh(tmp);
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        RunRecording recording = RunRecording.start(
                () -> counting(StoreOpener.open(s), calls),
                RunStoreContractTest.start("run-many", "apply", Instant.parse("2026-11-01T10:00:00Z")));
        ExecutorService routers = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 400; i++) {
            String name = "bng-%03d".formatted(i);
            routers.execute(() -> recording.router(RunStoreContractTest.router(name, "APPLIED")));
        }
        routers.shutdown();
        assertThat(routers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(recording.finish(0, null)).isEmpty();
        recording.router(RunStoreContractTest.router("bng-late", "APPLIED")); // after the end: not part of the run

        assertThat(RunStoreContractTest.count(s, "SELECT COUNT(*) FROM pcl_router_run WHERE run_id = 'run-many'"))
                .isEqualTo(400);
        assertThat(RunStoreContractTest.count(s, "SELECT COUNT(*) FROM pcl_run WHERE exit_code = 0"))
                .as("the end is written after every router")
                .isEqualTo(1);
        assertThat(calls.getOrDefault("recordRouter", new AtomicInteger()).get())
                .as("no router written on its own")
                .isZero();
        // 400 routers in batches of at most 200, gathered while the writer lingers: 2 when they all arrive within
        // one linger, a few more on a slow machine, never one per router
        assertThat(calls.get("recordRouters").get()).isBetween(2, 40);
    }

    /** The store, counting the calls of each method. */
    private static RunStore counting(RunStore store, Map<String, AtomicInteger> calls) {
        return (RunStore) Proxy.newProxyInstance(
                RunStore.class.getClassLoader(), new Class<?>[] {RunStore.class}, (proxy, method, args) -> {
                    calls.computeIfAbsent(method.getName(), k -> new AtomicInteger())
                            .incrementAndGet();
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
