package io.portcullis.bench;

import io.portcullis.compile.CompiledRouter;
import io.portcullis.engine.Engine;
import io.portcullis.engine.VerifierProver;
import io.portcullis.engine.Workspace;
import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.targets.Target;
import io.portcullis.lab.LabFleet;
import io.portcullis.netconf.ClientSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Cost of --on-failure revert on a simulated fleet (lab in this JVM): apply with keep, apply with revert
 * (all held, then all confirmed), and revert where the last router fails validation (all held ones
 * cancelled and read back), then keep again (the first run pays the JIT warm-up). A fresh fleet per run. Run: scripts/bench-engine.sh is for keep; this one:
 * {@code java -cp ... io.portcullis.bench.RevertBench [N=1000] [P=100]} (see docs/benchmarks.md).
 */
public final class RevertBench {
    public static void main(String[] args) throws Exception {
        BenchLogging.likeTheProduct();
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int parallel = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path journal = Files.createTempDirectory("bench-journal");
        ApplyOptions keep =
                ApplyOptions.defaults().withRollout(0, 0, parallel, 0).withConfirmTimeout(120);
        ApplyOptions revert = keep.withOnFailure(ApplyOptions.FailurePolicy.REVERT, journal);
        run("keep", n, parallel, keep, false);
        run("revert, all proven", n, parallel, revert, false);
        run("revert, last router fails", n, parallel, revert, true);
        run("keep (again, JIT warm)", n, parallel, keep, false);
    }

    private static void run(String label, int n, int parallel, ApplyOptions opts, boolean failLast) throws Exception {
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
            if (failLast) {
                fleet.device(n - 1).faults().failValidate("/", "injected validation failure");
            }
            try (NetconfConnector connector = new NetconfConnector(
                    ClientSettings.defaults(), Map.of(LabFleet.DEFAULT_PASSWORD_ENV, fleet.password())::get)) {
                Engine engine = new Engine(EngineContext.standard(connector, new VerifierProver()), "bench");
                long t0 = System.nanoTime();
                RunReport r = engine.apply(targets, opts, null, null, null, RunListener.NONE);
                double s = (System.nanoTime() - t0) / 1e9;
                long pending = fleet.devices().stream()
                        .filter(d -> d.confirmedCommitPending())
                        .count();
                long holding = fleet.devices().stream()
                        .filter(d -> d.runningXml().contains("PORTCULLIS-"))
                        .count();
                System.out.printf(
                        "%-26s %d routers, --parallel %d: %.1f s (%s); afterwards %d hold the policy, %d pending%n",
                        label + ":", n, parallel, s, r.counts(), holding, pending);
            }
        }
    }
}
