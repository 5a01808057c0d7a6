package io.portcullis.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.portcullis.alert.AlertSink;
import io.portcullis.alert.DeliveryAttempt;
import io.portcullis.alert.DeliveryListener;
import io.portcullis.engine.drift.ChangeWatcher;
import io.portcullis.engine.drift.DriftMonitor;
import io.portcullis.engine.drift.RouterStatus;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.targets.Target;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus metrics at /q/metrics, named for Prometheus-side alerting (deploy/prometheus/portcullis-rules.yaml):
 * one {@code portcullis_router_info} series per router whose {@code state} label says where it stands, the
 * time of each router's last check, latencies as histograms (aggregatable across replicas, unlike summaries),
 * and counters registered at 0 for every label value they can take, so rate() and absent() work from the start.
 */
@ApplicationScoped
public class ServiceMetrics implements DriftMonitor.Listener, DeliveryListener {
    /** The values of the {@code state} label of portcullis_router_info and portcullis_routers. */
    public static final List<String> STATES = List.of("in_policy", "drifted", "pending", "unreachable", "unchecked");

    static final List<String> TRIGGERS =
            List.of("startup", "failover", "schedule", "notification", "api", "after-apply", "remediation", "reload");

    @Inject
    MeterRegistry registry;

    private final AtomicLong lastFullCheck = new AtomicLong();
    private final Map<String, Gauge> routerInfo = new ConcurrentHashMap<>();
    private final Map<String, String> routerState = new ConcurrentHashMap<>();
    private final Map<String, String> platforms = new ConcurrentHashMap<>();
    private final Map<String, Gauge> lastCheckGauges = new ConcurrentHashMap<>();
    private final long startedAt = System.currentTimeMillis() / 1000;
    private volatile DriftMonitor monitor;
    private volatile ChangeWatcher watcher;
    private volatile io.portcullis.ha.Election election;
    private Timer fullCheck;

    void bind(DriftMonitor m, List<AlertSink> sinks, Duration driftPeriod) {
        this.monitor = m;
        for (String state : STATES) {
            Gauge.builder("portcullis_routers", this, s -> s.count(state))
                    .tag("state", state)
                    .description("Routers by state after their last check")
                    .register(registry);
        }
        Gauge.builder("portcullis_last_full_check_timestamp_seconds", lastFullCheck, AtomicLong::get)
                .description("Unix time the last full drift check finished (0 before the first)")
                .register(registry);
        Gauge.builder("portcullis_drift_period_seconds", () -> driftPeriod.toSeconds())
                .description("Configured time between full drift checks (portcullis.drift.period)")
                .register(registry);
        Gauge.builder(
                        "portcullis_notification_subscriptions",
                        this,
                        s -> s.watcher == null ? 0 : s.watcher.subscribed())
                .description(
                        "Routers with a live netconf-config-change subscription (0 when notifications are not watched)")
                .register(registry);
        routersAdded(m.targets());
        fullCheck = Timer.builder("portcullis_full_check_duration")
                .description("Duration of a full drift check of all routers")
                .serviceLevelObjectives(seconds(1, 5, 10, 30, 60, 120, 300, 600))
                .register(registry);
        TRIGGERS.forEach(this::checkTimer);
        for (OutcomeState s : OutcomeState.values()) {
            outcomes(s);
        }
        for (AlertSink sink : sinks) {
            deliveries(sink.name(), true);
            deliveries(sink.name(), false);
        }
        Gauge.builder("portcullis_build_info", () -> 1)
                .description("Build of the running service (value always 1)")
                .tag("version", io.portcullis.engine.ToolVersion.current())
                .tag("java_version", System.getProperty("java.version"))
                .register(registry);
    }

    /** Routers the inventory gained (at start, or on a reload): one series each, unchecked until their first check. */
    synchronized void routersAdded(java.util.Collection<Target> added) {
        for (Target t : added) {
            platforms.put(t.name(), t.device().platform());
            setState(t.name(), "unchecked");
            Gauge g = Gauge.builder("portcullis_router_last_check_timestamp_seconds", this, s -> s.lastCheck(t.name()))
                    .tag("router", t.name())
                    .description(
                            "Unix time of the router's last completed check, successful or not (service start until the first)")
                    .register(registry);
            lastCheckGauges.put(t.name(), g);
        }
    }

    /** Routers the inventory dropped: their series go (a dashboard would otherwise show them forever). */
    synchronized void routersRemoved(java.util.Collection<String> removed) {
        for (String r : removed) {
            Gauge info = routerInfo.remove(r);
            if (info != null) {
                registry.remove(info);
            }
            Gauge last = lastCheckGauges.remove(r);
            if (last != null) {
                registry.remove(last);
            }
            routerState.remove(r);
            platforms.remove(r);
        }
    }

    /** portcullis_leader{replica}: 1 while this replica leads, else 0 (sum over replicas should be 1). */
    void bindLeadership(io.portcullis.ha.Election election) {
        this.election = election;
        Gauge.builder("portcullis_leader", election, e -> e.leading() ? 1 : 0)
                .tag("replica", election.replica())
                .description("1 while this replica is the leader (holds notifications, checks, alerts), else 0")
                .register(registry);
    }

    /** When notifications are watched: routers whose drift is then caught at once, not by the next full check. */
    void bindWatcher(ChangeWatcher w) {
        this.watcher = w;
    }

    private static Duration[] seconds(double... s) {
        Duration[] d = new Duration[s.length];
        for (int i = 0; i < s.length; i++) {
            d[i] = Duration.ofMillis((long) (s[i] * 1000));
        }
        return d;
    }

    private Timer checkTimer(String trigger) {
        return Timer.builder("portcullis_check_latency")
                .description("Per-router drift check latency")
                .tag("trigger", trigger)
                .serviceLevelObjectives(seconds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60))
                .register(registry);
    }

    private Counter outcomes(OutcomeState s) {
        return Counter.builder("portcullis_apply_outcomes_total")
                .description("Apply outcomes per router by final state")
                .tag("state", s.name())
                .register(registry);
    }

    private Counter deliveries(String sink, boolean delivered) {
        return Counter.builder("portcullis_alert_deliveries_total")
                .description("Alert delivery attempts by sink and result")
                .tag("sink", sink)
                .tag("result", delivered ? "delivered" : "failed")
                .register(registry);
    }

    private double count(String state) {
        return routerState.values().stream().filter(state::equals).count();
    }

    private double lastCheck(String router) {
        io.portcullis.ha.Election e = election;
        if (e != null && !e.leading()) {
            // a follower checks nothing: no sample (NaN), so "no check for three periods" never fires on it
            return Double.NaN;
        }
        DriftMonitor m = monitor;
        RouterStatus s = m == null ? null : m.status().get(router);
        return s == null ? startedAt : s.lastCheck().getEpochSecond();
    }

    /** One series per router: the old state's series is removed when the state changes. */
    private synchronized void setState(String router, String state) {
        if (state.equals(routerState.get(router))) {
            return;
        }
        Gauge old = routerInfo.remove(router);
        if (old != null) {
            registry.remove(old);
        }
        routerState.put(router, state);
        routerInfo.put(
                router,
                Gauge.builder("portcullis_router_info", () -> 1)
                        .tag("router", router)
                        .tag("platform", platforms.getOrDefault(router, "unknown"))
                        .tag("state", state)
                        .description(
                                "One series per router with value 1; the state label is its state after the last check")
                        .register(registry));
    }

    /** The state label of a router's last check: in_policy, drifted, pending, unreachable or unchecked. */
    public static String stateOf(RouterStatus s) {
        return switch (s.drift() == null ? "" : s.drift().status()) {
            case "in-sync" -> "in_policy";
            case "drift" -> "drifted";
            case "pending" -> "pending";
            case "error" -> "unreachable";
            default -> "unchecked";
        };
    }

    void recordFullCheck(Runnable check) {
        fullCheck.record(check);
        lastFullCheck.set(System.currentTimeMillis() / 1000);
    }

    @Override
    public void checked(RouterStatus status) {
        setState(status.router(), stateOf(status));
        checkTimer(status.trigger()).record(Duration.ofMillis(status.checkMillis()));
    }

    @Override
    public void applied(RouterOutcome outcome) {
        outcomes(outcome.state()).increment();
    }

    @Override
    public void attempted(DeliveryAttempt attempt) {
        deliveries(attempt.sink(), attempt.delivered()).increment();
    }
}
