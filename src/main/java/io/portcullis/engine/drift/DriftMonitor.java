package io.portcullis.engine.drift;

import io.portcullis.alert.DriftAlerter;
import io.portcullis.engine.Engine;
import io.portcullis.engine.Target;
import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.report.DeviceOutcome;
import io.portcullis.engine.report.DeviceState;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.engine.router.ConfigChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The drift service's core, plain Java: full checks (scheduled), targeted checks on change
 * notifications, alerts through the {@link DriftAlerter}, optional remediation. Quarkus beans only
 * schedule it and expose it.
 */
public final class DriftMonitor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DriftMonitor.class);

    /** Hooks for metrics. */
    public interface Listener {
        default void checked(RouterStatus status) {
        }

        default void applied(DeviceOutcome outcome) {
        }
    }

    private final Engine engine;
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final DriftAlerter alerter;
    private final Listener listener;
    private final int parallel;
    private final boolean remediate;
    private final ApplyOptions remediation;
    private final Map<String, RouterStatus> status = new ConcurrentHashMap<>();
    private final Map<String, String> pendingAuthor = new ConcurrentHashMap<>();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final ExecutorService targeted;

    public DriftMonitor(Engine engine, List<Target> targets, DriftAlerter alerter, Listener listener, int parallel, boolean remediate,
                        ApplyOptions remediation) {
        this.engine = engine;
        targets.forEach(t -> this.targets.put(t.name(), t));
        this.alerter = alerter;
        this.listener = listener;
        this.parallel = parallel;
        this.remediate = remediate;
        this.remediation = remediation;
        this.targeted = Executors.newFixedThreadPool(4, r -> {
            Thread th = new Thread(r, "portcullis-targeted-check");
            th.setDaemon(true);
            return th;
        });
    }

    public Collection<Target> targets() {
        return targets.values();
    }

    public Map<String, RouterStatus> status() {
        return status;
    }

    public DriftAlerter alerter() {
        return alerter;
    }

    /** Checks every router (the periodic backstop). */
    public List<RouterStatus> checkAll(String trigger) {
        long t0 = System.nanoTime();
        List<RouterPlan> plans = engine.plan(List.copyOf(targets.values()), parallel);
        long perRouter = (System.nanoTime() - t0) / 1_000_000 / Math.max(1, plans.size());
        List<RouterStatus> out = new ArrayList<>();
        for (RouterPlan p : plans) {
            out.add(record(p, perRouter, trigger, null));
        }
        return out;
    }

    /** Checks one router now (a change notification said it changed). */
    public RouterStatus checkOne(String router, String trigger, String changedBy) {
        Target t = targets.get(router);
        if (t == null) {
            throw new IllegalArgumentException("unknown router '" + router + "'");
        }
        long t0 = System.nanoTime();
        RouterPlan p = engine.plan(List.of(t), 1).get(0);
        return record(p, (System.nanoTime() - t0) / 1_000_000, trigger, changedBy);
    }

    /** Notification entry point: coalesces bursts (one check queued per router at a time). */
    public Consumer<ConfigChange> changeHandler() {
        return change -> {
            if (!targets.containsKey(change.router())) {
                return;
            }
            if (change.changedBy() != null) {
                pendingAuthor.put(change.router(), change.changedBy());
            }
            if (queued.add(change.router())) {
                targeted.submit(() -> {
                    queued.remove(change.router());
                    try {
                        checkOne(change.router(), "notification", pendingAuthor.remove(change.router()));
                    } catch (RuntimeException e) {
                        LOG.warnf("targeted check of %s failed: %s", change.router(), e.getMessage());
                    }
                });
            }
        };
    }

    private RouterStatus record(RouterPlan p, long millis, String trigger, String changedBy) {
        DriftEntry d = DriftEntry.of(p);
        RouterStatus s = new RouterStatus(p.router(), p.platform(), d, Instant.now(), millis, trigger);
        status.put(p.router(), s);
        listener.checked(s);
        if (p.status() == RouterPlan.Status.IN_SYNC) {
            alerter.observe(DriftAlerter.Observation.inSync(p.router(), p.platform()));
        } else if (p.status() == RouterPlan.Status.CHANGES) {
            int n = d.changes().size();
            alerter.observe(new DriftAlerter.Observation(p.router(), p.platform(), d.fingerprint(),
                    p.router() + " no longer enforces the subscriber-protection policy (" + n + " change" + (n == 1 ? "" : "s") + ")",
                    d.changes(), d.impact(), changedBy));
            if (remediate) {
                remediate(p.router());
            }
        } else {
            // a router that cannot be read blinds drift detection: the alerter raises it after repeated failures
            alerter.observe(DriftAlerter.Observation.unreachable(p.router(), p.platform(), d.errorKind(), d.error()));
        }
        return s;
    }

    private void remediate(String router) {
        RunReport r = engine.apply(List.of(targets.get(router)), remediation, null, null, "remediation", RunListener.NONE);
        r.routers().forEach(listener::applied);
        LOG.infof("remediation of %s: %s", router, r.routers().get(0).state());
        if (r.routers().get(0).state() == DeviceState.APPLIED) {
            record(engine.plan(List.of(targets.get(router)), 1).get(0), 0, "remediation", null);
        }
    }

    @Override
    public void close() {
        targeted.shutdownNow();
    }
}
