package io.portcullis.api;

import io.portcullis.alert.Alert;
import io.portcullis.alert.AlertSink;
import io.portcullis.engine.ToolVersion;
import io.portcullis.engine.drift.DriftEntry;
import io.portcullis.engine.drift.DriftMonitor;
import io.portcullis.engine.drift.RevisionRef;
import io.portcullis.engine.drift.RouterStatus;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.recording.OutcomesOnce;
import io.portcullis.recording.RouterRecords;
import io.portcullis.store.AlertDelivery;
import io.portcullis.store.BufferedRunStore;
import io.portcullis.store.CheckCounts;
import io.portcullis.store.DriftObservation;
import io.portcullis.store.Identity;
import io.portcullis.store.PolicySnapshot;
import io.portcullis.store.RouterRecord;
import io.portcullis.store.RunStart;
import io.portcullis.store.What;
import io.portcullis.store.Who;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the service records into the run history, through a {@link BufferedRunStore} so a database outage never
 * stops the watching: full drift checks (scheduled, at start, after an apply, on API request) as one run each,
 * notification-driven checks and remediations as one-router runs, every check result as a drift observation
 * (opened / still open / resolved with changed-by), REST plans and applies with their caller, and every alert delivery
 * attempt per sink. It wraps the metrics listener and the alert sinks rather than changing the engine or alert code.
 */
final class ServiceRecorder implements DriftMonitor.Listener {
    private final BufferedRunStore store;
    private final DriftMonitor.Listener next;
    private volatile What what;
    /** The loaded policy's documents (null when they cannot be snapshotted: the run is still recorded, with its digest). */
    private volatile PolicySnapshot snapshot;

    private final String osUser = System.getProperty("user.name");
    /** What scheduled checks left out: routers whose state is as their last recorded check found it. */
    private final RecordedChecks recordedChecks = new RecordedChecks();
    /** Per router, a foreign change overwritten within the settle time, recorded with the check that follows it. */
    private final Map<String, RouterStatus> overwritten = new java.util.concurrent.ConcurrentHashMap<>();
    /** The buffer's drop count at the last full check: a drop may have lost a router's row, so all are recorded again. */
    private long droppedBefore;

    ServiceRecorder(BufferedRunStore store, DriftMonitor.Listener next, What what, PolicySnapshot snapshot) {
        this.store = store;
        this.next = next;
        this.what = what;
        this.snapshot = snapshot;
    }

    /** The policy (or inventory) changed on disk: later runs carry the new digests and documents. */
    void loaded(What what, PolicySnapshot snapshot) {
        this.what = what;
        this.snapshot = snapshot;
    }

    BufferedRunStore store() {
        return store;
    }

    @Override
    public void checked(RouterStatus s) {
        next.checked(s);
        DriftEntry d = s.drift();
        String runId = null;
        if ("notification".equals(s.trigger())) {
            // a targeted check is a run of its own; full checks are recorded by fullCheck()
            runId = UUID.randomUUID().toString();
            store.beginRun(new RunStart(
                    runId,
                    "drift-check",
                    s.lastCheck(),
                    ToolVersion.current(),
                    Who.service(osUser),
                    what,
                    Map.of("trigger", s.trigger())));
            recordedChecks.record(s.trigger(), s);
            store.recordRouter(runId, router(s));
            store.finishRun(runId, Instant.now(), exit(List.of(s)), null, new CheckCounts(1, 0));
        }
        RouterStatus gone = overwritten.remove(s.router());
        if (gone != null) {
            // opened by this check's run and resolved by the same run's observation just below
            store.recordDrift(new DriftObservation(
                    gone.router(),
                    gone.platform(),
                    gone.drift().fingerprint(),
                    gone.router() + " was changed by someone else; the change was overwritten by an apply in progress"
                            + " within the settle time",
                    gone.drift().changes(),
                    gone.drift().impact(),
                    gone.changedBy(),
                    runId,
                    gone.lastCheck()));
            if (!"in-sync".equals(s.drift().status())
                    && !"drift".equals(s.drift().status())) {
                // pending or unreadable after the settle time: the overwritten change is gone all the same
                store.recordDrift(DriftObservation.inSync(s.router(), s.platform(), runId, s.lastCheck()));
            }
        }
        observe(s, runId);
    }

    @Override
    public void overwritten(RouterStatus drifted) {
        next.overwritten(drifted);
        overwritten.put(drifted.router(), drifted);
    }

    private void observe(RouterStatus s, String runId) {
        DriftEntry d = s.drift();
        if ("in-sync".equals(d.status())) {
            store.recordDrift(DriftObservation.inSync(s.router(), s.platform(), runId, s.lastCheck()));
        } else if ("drift".equals(d.status())) {
            store.recordDrift(new DriftObservation(
                    s.router(),
                    s.platform(),
                    d.fingerprint(),
                    s.router() + " no longer enforces the policy",
                    d.changes(),
                    d.impact(),
                    null,
                    runId,
                    s.lastCheck()));
        }
    }

    /**
     * A full check (every router) as one run. A scheduled check records only the routers whose state changed since the
     * check last recorded for them ({@link RecordedChecks}); the run row says how many it checked and left out.
     */
    synchronized void fullCheck(String trigger, Instant started, List<RouterStatus> results) {
        long dropped = store.dropped();
        if (dropped != droppedBefore) {
            droppedBefore = dropped;
            recordedChecks.forgetAll(); // a dropped write may have been a router's row: record every router again
        }
        String runId = UUID.randomUUID().toString();
        store.beginRun(new RunStart(
                runId,
                "drift-check",
                started,
                ToolVersion.current(),
                Who.service(osUser),
                what,
                Map.of("trigger", trigger)));
        int unchanged = 0;
        for (RouterStatus s : results) {
            if (recordedChecks.record(trigger, s)) {
                store.recordRouter(runId, router(s));
            } else {
                unchanged++;
            }
        }
        store.finishRun(runId, Instant.now(), exit(results), null, new CheckCounts(results.size(), unchanged));
    }

    /** Routers the inventory dropped: if they come back, their first scheduled check is recorded. */
    void forget(java.util.Collection<String> routers) {
        recordedChecks.forget(routers);
    }

    @Override
    public void applied(RouterOutcome o) {
        next.applied(o);
        // DriftMonitor reports a remediation's outcome here (API applies come through apiApply)
        String runId = UUID.randomUUID().toString();
        store.beginRun(new RunStart(
                runId,
                "remediation",
                Instant.now().minusMillis(o.millis()),
                ToolVersion.current(),
                Who.service(osUser),
                what,
                Map.of()));
        store.recordRouter(runId, RouterRecords.outcome(o));
        store.finishRun(runId, Instant.now(), o.state().success() ? 0 : 1, null);
    }

    /** A remediation: recorded as a run of its own, carrying the revision it re-applied (not the loaded policy). */
    @Override
    public void remediated(RouterOutcome o, RevisionRef revision) {
        next.applied(o);
        What w = what;
        String runId = UUID.randomUUID().toString();
        store.beginRun(new RunStart(
                runId,
                "remediation",
                Instant.now().minusMillis(o.millis()),
                ToolVersion.current(),
                Who.service(osUser),
                new What(revision.revision(), revision.digest(), w.inventoryDigest(), null),
                Map.of("trigger", "drift")));
        PolicySnapshot s = snapshot;
        if (s != null && s.digest().equals(revision.digest())) {
            store.recordPolicy(s.forRemediation()); // a recorded revision is in the database already
        }
        store.recordRouter(runId, RouterRecords.outcome(o));
        store.finishRun(runId, Instant.now(), o.state().success() ? 0 : 1, null);
    }

    /** Starts the record of a REST apply and returns the listener that records its routers. */
    RunListener apiApplyStarted(String runId, String caller, Map<String, String> options) {
        store.beginRun(new RunStart(
                runId,
                "apply",
                Instant.now(),
                ToolVersion.current(),
                Identity.apiCaller(caller, osUser),
                what,
                options));
        PolicySnapshot s = snapshot;
        if (s != null) {
            store.recordPolicy(new PolicySnapshot(s.digest(), s.revision(), Instant.now(), s.documents()));
        }
        return new OutcomesOnce(router -> store.recordRouter(runId, router));
    }

    /** @param recording the listener {@link #apiApplyStarted} returned: it writes only the outcomes that changed */
    void apiApplyFinished(RunReport r, RunListener recording) {
        r.routers().forEach(recording::routerFinished);
        store.finishRun(r.runId(), r.finishedAt(), r.success() ? 0 : 1, r.haltedBecause());
    }

    /**
     * A REST plan (POST /api/plan) as one run of kind plan, with its caller, like the CLI's plan: per router its state
     * (IN_SYNC, CHANGES, ERROR), the changes and packet-fate delta, the state digest read. Through the buffered store,
     * so it never waits for the database nor fails the request.
     */
    void apiPlan(
            String runId,
            String caller,
            Instant started,
            List<RouterPlan> plans,
            int exitCode,
            Map<String, String> options) {
        store.beginRun(new RunStart(
                runId, "plan", started, ToolVersion.current(), Identity.apiCaller(caller, osUser), what, options));
        for (RouterPlan p : plans) {
            store.recordRouter(runId, RouterRecords.plan(p, false));
        }
        store.finishRun(runId, Instant.now(), exitCode, null);
    }

    /** The sink, with every delivery attempt recorded (result and one-sentence error; URLs never, the sink's name only). */
    AlertSink recording(AlertSink sink) {
        return new AlertSink() {
            @Override
            public String name() {
                return sink.name();
            }

            @Override
            public boolean resends() {
                // Alertmanager expects its open alerts re-sent; the recording wrapper must not hide that
                return sink.resends();
            }

            @Override
            public void send(Alert alert) {
                try {
                    sink.send(alert);
                    store.recordDelivery(new AlertDelivery(
                            alert.router(),
                            alert.fingerprint(),
                            alert.status().name(),
                            sink.name(),
                            Instant.now(),
                            true,
                            null));
                } catch (RuntimeException e) {
                    store.recordDelivery(new AlertDelivery(
                            alert.router(),
                            alert.fingerprint(),
                            alert.status().name(),
                            sink.name(),
                            Instant.now(),
                            false,
                            e.getMessage()));
                    throw e;
                }
            }
        };
    }

    private static RouterRecord router(RouterStatus s) {
        DriftEntry d = s.drift();
        return new RouterRecord(
                s.router(),
                s.platform(),
                switch (d.status()) {
                    case "in-sync" -> "IN_SYNC";
                    case "drift" -> "DRIFT";
                    case "pending" -> "PENDING";
                    default -> "ERROR";
                },
                d.errorKind(),
                d.changes(),
                d.impact(),
                null,
                null,
                null,
                d.error(),
                s.checkMillis(),
                s.lastCheck());
    }

    private static int exit(List<RouterStatus> results) {
        if (results.stream().anyMatch(s -> "error".equals(s.drift().status()))) {
            return 1;
        }
        return results.stream().anyMatch(s -> "drift".equals(s.drift().status())) ? 2 : 0;
    }
}
