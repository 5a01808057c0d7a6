package io.portcullis.bench;

import io.portcullis.alert.Alert;
import io.portcullis.alert.AlertSink;
import io.portcullis.alert.DriftAlerter;
import io.portcullis.compile.CompiledRouter;
import io.portcullis.engine.Engine;
import io.portcullis.engine.VerifierProver;
import io.portcullis.engine.Workspace;
import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.drift.ChangeWatcher;
import io.portcullis.engine.drift.DriftMonitor;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.targets.Target;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Term;
import io.portcullis.lab.LabFleet;
import io.portcullis.netconf.ClientSettings;
import io.portcullis.platform.registry.Platforms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Engine benchmarks on a simulated fleet (the lab runs in this JVM, so client and 1,000 servers share
 * the 2 cores): plan of N routers, apply with --parallel P, event-driven drift alert latency, heap
 * with N routers watched. Run: scripts/bench-engine.sh [N] [P]
 */
public final class EngineBench {
    public static void main(String[] args) throws Exception {
        BenchLogging.likeTheProduct();
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int parallel = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        try (LabFleet fleet = LabFleet.builder()
                .devices(n)
                .platforms("junos,iosxr,sros,openconfig,ietf")
                .portBase(0)
                .start()) {
            Path dir = Files.createTempDirectory("bench-inventory");
            fleet.writeInventory(dir, LabFleet.DEFAULT_PASSWORD_ENV);
            Workspace w = Workspace.load(Path.of("policy"), dir, null, LocalDate.now());
            List<Target> targets = w.compileAll().stream()
                    .filter(CompiledRouter::inScope)
                    .map(Target::of)
                    .toList();
            try (NetconfConnector connector = new NetconfConnector(
                    ClientSettings.defaults(), Map.of(LabFleet.DEFAULT_PASSWORD_ENV, fleet.password())::get)) {
                Engine engine = new Engine(EngineContext.standard(connector, new VerifierProver()), "bench");
                long t0 = System.nanoTime();
                List<RouterPlan> plan = engine.plan(targets, parallel);
                double planS = (System.nanoTime() - t0) / 1e9;
                System.out.printf("plan:  %d routers, --parallel %d: %.1f s (%s)%n", n, parallel, planS, counts(plan));

                ApplyOptions opts =
                        ApplyOptions.defaults().withRollout(0, 0, parallel, n).withConfirmTimeout(120);
                t0 = System.nanoTime();
                RunReport r = engine.apply(targets, opts, null, null, null, RunListener.NONE);
                double applyS = (System.nanoTime() - t0) / 1e9;
                System.out.printf("apply: %d routers, --parallel %d: %.1f s (%s)%n", n, parallel, applyS, r.counts());
                r.routers().stream()
                        .filter(o -> !o.state().success())
                        .limit(3)
                        .map(RouterOutcome::message)
                        .forEach(System.out::println);

                t0 = System.nanoTime();
                RunReport again = engine.apply(targets, opts, null, null, null, RunListener.NONE);
                System.out.printf(
                        "apply again (idempotent): %.1f s (%s)%n", (System.nanoTime() - t0) / 1e9, again.counts());

                drift(fleet, targets, engine, connector, n);
            }
        }
    }

    private static void drift(LabFleet fleet, List<Target> targets, Engine engine, NetconfConnector connector, int n)
            throws Exception {
        LinkedBlockingQueue<Long> fired = new LinkedBlockingQueue<>();
        AlertSink sink = new AlertSink() {
            @Override
            public String name() {
                return "bench";
            }

            @Override
            public void send(Alert a) {
                if (a.status() == Alert.Status.FIRING) {
                    fired.add(System.nanoTime());
                }
            }
        };
        try (DriftMonitor m = new DriftMonitor(
                        engine,
                        targets,
                        new DriftAlerter(List.of(sink)),
                        new DriftMonitor.Listener() {},
                        100,
                        false,
                        ApplyOptions.defaults());
                ChangeWatcher watcher = new ChangeWatcher(
                        connector, m.changeHandler(), Duration.ofSeconds(1), Duration.ofSeconds(30))) {
            watcher.watch(targets);
            long until = System.currentTimeMillis() + 120_000;
            while (watcher.subscribed() < targets.size() && System.currentTimeMillis() < until) {
                Thread.sleep(200);
            }
            System.out.printf("watching: %d/%d routers subscribed%n", watcher.subscribed(), targets.size());
            System.gc();
            Thread.sleep(500);
            Runtime rt = Runtime.getRuntime();
            System.out.printf(
                    "heap used with %d routers watched (client + %d simulated routers in one JVM): %d MB%n",
                    targets.size(), n, (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Target t = targets.get(i * 7 % targets.size());
                String platform = t.device().platform();
                FilterIntent changed = withoutPort(t.intent(), 587 - i % 2 * 562); // 587 or 25
                long start = System.nanoTime();
                fleet.device(t.name()).outOfBandEdit(Platforms.get(platform).renderConfig(changed));
                Long at = fired.poll(10, TimeUnit.SECONDS);
                latencies.add(at == null ? -1 : (at - start) / 1_000_000);
            }
            System.out.println("drift alert latency after out-of-band change (event-driven), ms: " + latencies);
            long t0 = System.nanoTime();
            m.checkAll("bench");
            System.out.printf(
                    "full drift check of %d routers (the periodic backstop): %.1f s%n",
                    targets.size(), (System.nanoTime() - t0) / 1e9);
        }
    }

    private static FilterIntent withoutPort(FilterIntent intent, int port) {
        List<Filter> filters = new ArrayList<>();
        for (Filter f : intent.filters()) {
            List<Term> terms = new ArrayList<>();
            for (Term t : f.terms()) {
                var ports = t.match().destinationPorts().stream()
                        .filter(p -> !p.contains(port))
                        .toList();
                if (!t.match().destinationPorts().isEmpty() && ports.isEmpty()) {
                    continue;
                }
                terms.add(new Term(
                        t.name(),
                        t.sequence(),
                        new io.portcullis.intent.Match(
                                t.match().protocol(),
                                ports,
                                t.match().sourcePorts(),
                                t.match().eitherPorts(),
                                t.match().destinationPrefixes(),
                                t.match().sourcePrefixes()),
                        t.action(),
                        t.counter(),
                        t.log(),
                        t.description()));
            }
            filters.add(new Filter(f.name(), f.family(), terms, f.defaultAction(), f.description()));
        }
        return new FilterIntent(intent.device(), intent.platform(), filters, intent.bindings());
    }

    private static String counts(List<RouterPlan> plans) {
        return plans.stream()
                .collect(Collectors.groupingBy(RouterPlan::status, Collectors.counting()))
                .toString();
    }
}
