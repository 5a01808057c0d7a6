package io.portcullis.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.portcullis.engine.drift.ChangeWatcher;
import io.portcullis.engine.drift.DriftMonitor;
import io.portcullis.engine.drift.RouterStatus;
import io.portcullis.engine.report.DeviceOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus metrics at /q/metrics: routers in/out of policy and unchecked, live notification
 * subscriptions, time of the last full check, per-router check latency, apply outcomes by state.
 */
@ApplicationScoped
public class ServiceMetrics implements DriftMonitor.Listener {
    @Inject
    MeterRegistry registry;

    private final AtomicLong lastFullCheck = new AtomicLong();
    private volatile DriftMonitor monitor;
    private volatile ChangeWatcher watcher;

    void bind(DriftMonitor m) {
        this.monitor = m;
        Gauge.builder("portcullis_routers", this, s -> s.count("in-sync")).tag("state", "in_policy")
                .description("Routers by last drift-check result").register(registry);
        Gauge.builder("portcullis_routers", this, s -> s.count("drift")).tag("state", "out_of_policy").register(registry);
        Gauge.builder("portcullis_routers", this, s -> s.count("error")).tag("state", "unreachable").register(registry);
        Gauge.builder("portcullis_routers", this, s -> s.unchecked()).tag("state", "unchecked").register(registry);
        Gauge.builder("portcullis_last_full_check_timestamp_seconds", lastFullCheck, AtomicLong::get)
                .description("Unix time the last full drift check finished").register(registry);
        Gauge.builder("portcullis_notification_subscriptions", this, s -> s.watcher == null ? 0 : s.watcher.subscribed())
                .description("Routers with a live netconf-config-change subscription (0 when notifications are not watched)")
                .register(registry);
    }

    /** When notifications are watched: routers whose drift is then caught at once, not by the next full check. */
    void bindWatcher(ChangeWatcher w) {
        this.watcher = w;
    }

    private double count(String status) {
        DriftMonitor m = monitor;
        return m == null ? 0 : m.status().values().stream().filter(s -> s.drift() != null && status.equals(s.drift().status())).count();
    }

    private double unchecked() {
        DriftMonitor m = monitor;
        return m == null ? 0 : m.targets().size() - m.status().size();
    }

    void recordFullCheck(Runnable check) {
        Timer.builder("portcullis_full_check_duration").description("Duration of a full drift check of all routers")
                .register(registry).record(check);
        lastFullCheck.set(System.currentTimeMillis() / 1000);
    }

    @Override
    public void checked(RouterStatus status) {
        Timer.builder("portcullis_check_latency").description("Per-router drift check latency").tag("trigger", status.trigger())
                .register(registry).record(Duration.ofMillis(status.checkMillis()));
    }

    @Override
    public void applied(DeviceOutcome outcome) {
        Counter.builder("portcullis_apply_outcomes_total").description("Apply outcomes per router by final state")
                .tag("state", outcome.state().name()).register(registry).increment();
    }
}
