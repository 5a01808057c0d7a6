package io.portcullis.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.alert.DriftAlerter;
import io.portcullis.bench.BenchLogging;
import io.portcullis.compile.CompiledRouter;
import io.portcullis.engine.Engine;
import io.portcullis.engine.VerifierProver;
import io.portcullis.engine.Workspace;
import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.drift.DriftMonitor;
import io.portcullis.engine.drift.RouterStatus;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.targets.Target;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.netconf.ClientSettings;
import io.portcullis.platform.registry.Platforms;
import io.portcullis.store.Backend;
import io.portcullis.store.BufferedRunStore;
import io.portcullis.store.JdbcRunStore;
import io.portcullis.store.TestDatabase;
import io.portcullis.store.What;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History growth under serve, measured: N simulated routers (mixed platforms) in this JVM, the policy applied, then
 * serve's real drift monitor and recorder run one start-up check and M periodic full checks against them (real NETCONF
 * reads) into a real database, with one router changed out of band before period 2 and put back before period 4.
 * "before" records each periodic check with a trigger that records every router, which is what every scheduled
 * check did before issue 9's fix; "after" uses the scheduled trigger. Counts pcl_router_run and pcl_run rows.
 *
 * <p>{@code mvn -B -o test-compile surefire:test -Dtest=PeriodicCheckRowsBench -Dgroups=bench -DexcludedGroups=
 * -Dportcullis.bench.routers=200 -Dportcullis.bench.periods=6}
 */
@Tag("bench")
class PeriodicCheckRowsBench {
    @TempDir
    Path tmp;

    @Test
    void rowsPerPeriodicCheckBeforeAndAfter() throws Exception {
        BenchLogging.likeTheProduct();
        int n = Integer.getInteger("portcullis.bench.routers", 200);
        int periods = Integer.getInteger("portcullis.bench.periods", 6);
        List<String> lines = new ArrayList<>();
        LabFleet fleet = LabFleet.builder()
                .devices(n)
                .platforms("junos,iosxr,sros,openconfig,ietf")
                .portBase(0)
                .start();
        try (fleet;
                NetconfConnector connector = new NetconfConnector(
                        ClientSettings.defaults(), Map.of(LabFleet.DEFAULT_PASSWORD_ENV, fleet.password())::get)) {
            Path dir = Files.createTempDirectory(tmp, "lab-inventory");
            fleet.writeInventory(dir, LabFleet.DEFAULT_PASSWORD_ENV);
            Workspace w = Workspace.load(Path.of("policy"), dir, null, LocalDate.now());
            List<Target> targets = w.compileAll().stream()
                    .filter(CompiledRouter::inScope)
                    .map(Target::of)
                    .toList();
            Engine engine = new Engine(EngineContext.standard(connector, new VerifierProver()), "bench");
            ApplyOptions opts = ApplyOptions.defaults()
                    .withConfirmTimeout(60)
                    .withRollout(0, 0, 16, 0)
                    .withLock(1, Duration.ofMillis(50));
            assertThat(engine.apply(targets, opts, null, null, null, RunListener.NONE)
                            .routers())
                    .extracting(RouterOutcome::state)
                    .containsOnly(OutcomeState.APPLIED);
            for (Backend b : Backend.values()) {
                for (String mode : List.of("before", "after")) {
                    lines.add(measure(b, mode, engine, targets, fleet, opts, periods));
                }
            }
        }
        String table = String.join("\n", lines);
        System.out.println("routers=" + n + " periods=" + periods + "\n" + table);
        Files.writeString(Path.of("target/bench-periodic-check-rows.txt"), table + "\n");
    }

    private String measure(
            Backend b, String mode, Engine engine, List<Target> targets, LabFleet fleet, ApplyOptions opts, int periods)
            throws Exception {
        try (TestDatabase db = TestDatabase.open(b, tmp)) {
            BufferedRunStore store = db.closing(new BufferedRunStore(
                    () -> new JdbcRunStore(db.dataSource(), null, "bench"), 1_000_000, Duration.ofMillis(200)));
            ServiceRecorder recorder = new ServiceRecorder(
                    store, new DriftMonitor.Listener() {}, new What(null, "sha256:p", null, null), null);
            try (DriftMonitor monitor =
                    new DriftMonitor(engine, targets, new DriftAlerter(List.of()), recorder, 16, false, opts)) {
                check(monitor, recorder, "startup");
                long rowsAfterStartup = rows(db, store);
                long t0 = System.nanoTime();
                Target victim = targets.get(0);
                SimDevice device = fleet.device(0);
                for (int p = 1; p <= periods; p++) {
                    if (p == 2) {
                        device.outOfBandEdit(
                                Platforms.get(device.platform()).renderConfig(withoutFirstTerms(victim.intent())),
                                "mallory");
                    }
                    if (p == 4) {
                        engine.apply(List.of(victim), opts, null, null, null, RunListener.NONE);
                    }
                    List<RouterStatus> found = check(monitor, recorder, "before".equals(mode) ? "api" : "schedule");
                    assertThat(found.stream()
                                    .filter(s -> "drift".equals(s.drift().status())))
                            .as("period " + p)
                            .hasSize(p == 2 || p == 3 ? 1 : 0);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                long routerRows = rows(db, store) - rowsAfterStartup;
                long runRows = db.count("SELECT COUNT(*) FROM pcl_run") - 1;
                return String.format(
                        Locale.ROOT,
                        "%-10s %-6s periodic checks %d: router rows %d (%.1f per check), run rows %d; start-up check %d"
                                + " router rows; %.1f s",
                        b,
                        mode,
                        periods,
                        routerRows,
                        routerRows / (double) periods,
                        runRows,
                        rowsAfterStartup,
                        seconds);
            }
        }
    }

    private static List<RouterStatus> check(DriftMonitor monitor, ServiceRecorder recorder, String trigger) {
        Instant started = Instant.now();
        List<RouterStatus> found = monitor.checkAll(trigger);
        recorder.fullCheck(trigger, started, found);
        return found;
    }

    private static long rows(TestDatabase db, BufferedRunStore store) {
        assertThat(store.flush(Duration.ofMinutes(2))).isTrue();
        return db.count("SELECT COUNT(*) FROM pcl_router_run");
    }

    /** The policy with the first term of every filter gone: what a person deleting a term by hand leaves. */
    private static FilterIntent withoutFirstTerms(FilterIntent i) {
        return new FilterIntent(
                i.device(),
                i.platform(),
                i.filters().stream()
                        .map(f -> new Filter(
                                f.name(),
                                f.family(),
                                f.terms().subList(1, f.terms().size()),
                                f.defaultAction(),
                                f.description()))
                        .toList(),
                i.bindings());
    }
}
