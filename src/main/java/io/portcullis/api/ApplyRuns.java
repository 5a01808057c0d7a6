package io.portcullis.api;

import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.engine.targets.Target;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Applies started through the API run in the background, one at a time: POST /api/apply answers 202 with the
 * run id at once and GET /api/runs/{id} follows it, so a long rollout never holds an HTTP request open.
 * Records go to a {@link RunRegistry} (in memory until the database replaces it).
 */
@ApplicationScoped
public class ApplyRuns {
    private static final Logger LOG = Logger.getLogger(ApplyRuns.class);
    private static final int KEEP_RUNS = 100;

    @Inject
    PortcullisService service;

    @Inject
    ServiceMetrics metrics;

    private final RunRegistry registry = new InMemoryRunRegistry(KEEP_RUNS, Clock.systemUTC());
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "portcullis-api-apply");
        t.setDaemon(true);
        return t;
    });
    private RunRecord current;

    public RunRegistry registry() {
        return registry;
    }

    /** Starts an apply in the background; {@link IllegalStateException} when another API run is still running. */
    public synchronized RunRecord start(List<Target> targets, ApplyOptions opts, String startedBy) {
        if (current != null
                && !registry.find(current.runId()).map(RunRecord::done).orElse(true)) {
            throw new IllegalStateException("run " + current.runId() + " is still running; follow it at /api/runs/"
                    + current.runId() + " and start the next one when it is done");
        }
        RunRecord run =
                registry.start(startedBy, targets.stream().map(Target::name).toList());
        current = run;
        LOG.infof("API run %s started by %s: %d routers", run.runId(), startedBy, targets.size());
        worker.submit(() -> execute(run.runId(), targets, opts, startedBy));
        return run;
    }

    private void execute(String runId, List<Target> targets, ApplyOptions opts, String startedBy) {
        HistoryRevisions held = service.revisions();
        if (held != null) {
            held.holding(runId); // remediation waits for this run, even before its record reaches the database
        }
        try {
            ServiceRecorder recorder = service.recorder();
            RunListener recording =
                    recorder == null ? RunListener.NONE : recorder.apiApplyStarted(runId, startedBy, opts.recorded());
            // the same run id in the live registry, the history database and the report
            // the router locks name who started it: "another Portcullis run holds this router (run id, actor)"
            io.portcullis.engine.Engine engine = service.engine()
                    .withGuard(service.engine().context().guard().as("api " + startedBy));
            RunReport r = engine.apply(runId, targets, opts, null, service.policyDigest(), "api", new RunListener() {
                @Override
                public void routerFinished(RouterOutcome outcome) {
                    metrics.applied(outcome);
                    registry.routerFinished(runId, outcome);
                    recording.routerFinished(outcome);
                }
            });
            if (recorder != null) {
                recorder.apiApplyFinished(r, recording);
            }
            // one id for the run everywhere the API shows it
            registry.finish(
                    runId,
                    new RunReport(
                            runId,
                            r.toolVersion(),
                            r.policyDigest(),
                            r.planFile(),
                            r.startedAt(),
                            r.finishedAt(),
                            r.haltedBecause(),
                            r.counts(),
                            r.routers()));
            LOG.infof("API run %s finished: %s", runId, r.counts());
        } catch (RuntimeException e) {
            String why = e.getMessage() == null
                    ? "the run failed (" + e.getClass().getSimpleName() + "); see the service log"
                    : e.getMessage();
            registry.fail(runId, why);
            LOG.errorf(e, "API run %s failed: %s", runId, why);
        } finally {
            if (held != null) {
                held.released(runId);
            }
        }
        service.checkAll("after-apply");
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
