package io.portcullis.api;

import io.portcullis.alert.AlertSink;
import io.portcullis.alert.AlertmanagerSink;
import io.portcullis.alert.DriftAlerter;
import io.portcullis.alert.InMemoryAlertStateStore;
import io.portcullis.alert.LogSink;
import io.portcullis.alert.SlackSink;
import io.portcullis.alert.WebhookSink;
import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.drift.ChangeWatcher;
import io.portcullis.engine.router.Digests;
import io.portcullis.engine.drift.DriftMonitor;
import io.portcullis.engine.Engine;
import io.portcullis.engine.EngineContext;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.Target;
import io.portcullis.engine.VerifierProver;
import io.portcullis.engine.Workspace;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The long-running service: loads policy and inventory once, then owns the engine, the drift
 * monitor, the notification watcher and the alerter. Started by {@code serve} (and lazily by
 * the REST API); the CLI commands never create it.
 */
@ApplicationScoped
public class PortcullisService {
    private static final Logger LOG = Logger.getLogger(PortcullisService.class);

    @Inject
    ServiceMetrics metrics;

    private ServiceConfig config;
    private NetconfConnector connector;
    private Engine engine;
    private DriftMonitor monitor;
    private ChangeWatcher watcher;
    private String policyDigest;
    private String loadError;
    private DriftAlerter alerter;

    public void start() {
        start(null, null, null);
    }

    /** Starts once; non-null arguments (the serve command's options) override the configuration. */
    public synchronized void start(Path policyOverride, Path inventoryOverride, String limitOverride) {
        if (engine != null || loadError != null) {
            return;
        }
        config = ServiceConfig.load();
        Path policy = policyOverride != null ? policyOverride : Path.of(config.policy());
        Path inventory = inventoryOverride != null ? inventoryOverride : Path.of(config.inventory());
        String limit = limitOverride != null ? limitOverride : config.limit().orElse(null);
        Workspace w = Workspace.load(policy, inventory, limit, LocalDate.now(ZoneOffset.UTC));
        if (w.hasErrors()) {
            StringWriter sw = new StringWriter();
            w.printDiagnostics(new PrintWriter(sw));
            loadError = "policy or inventory is invalid: " + w.summary();
            LOG.error(loadError + "\n" + sw);
            return;
        }
        List<Target> targets = w.targets();
        policyDigest = Digests.policyFiles(policy);
        connector = NetconfConnector.create(false);
        engine = new Engine(EngineContext.standard(connector, new VerifierProver()), io.portcullis.engine.ToolVersion.current());
        List<AlertSink> sinks = new ArrayList<>();
        sinks.add(new LogSink());
        config.webhookUrl().ifPresent(u -> sinks.add(new WebhookSink(URI.create(u), config.webhookReceiver(), config.alerts().externalUrl())));
        config.alertmanagerUrl().ifPresent(u -> sinks.add(new AlertmanagerSink(URI.create(u))));
        config.slackUrl().ifPresent(u -> sinks.add(new SlackSink(URI.create(u))));
        // in memory until the database's store replaces it: a restart forgets open alerts
        alerter = new DriftAlerter(sinks, new InMemoryAlertStateStore(), config.alerts(), metrics, java.time.Clock.systemUTC());
        alerter.start();
        monitor = new DriftMonitor(engine, targets, alerter, metrics, config.parallel(), config.remediate(), applyOptions());
        metrics.bind(monitor, sinks, config.driftPeriodDuration());
        LOG.infof("watching %d routers; alert sinks: %s; full check every %s; Alertmanager re-send every %s", targets.size(),
                sinks.stream().map(AlertSink::name).toList(), config.driftPeriod(), config.alerts().resendInterval());
        if (config.watchNotifications()) {
            watcher = new ChangeWatcher(connector, monitor.changeHandler(), config.minBackoff(), config.maxBackoff());
            watcher.watch(targets);
            metrics.bindWatcher(watcher);
        }
        Thread first = new Thread(() -> checkAll("startup"), "portcullis-first-check");
        first.setDaemon(true);
        first.start();
    }

    ApplyOptions applyOptions() {
        return ApplyOptions.defaults().withConfirmTimeout(config.confirmTimeout());
    }

    public synchronized boolean ready() {
        return engine != null;
    }

    public String loadError() {
        return loadError;
    }

    public ServiceConfig config() {
        return config;
    }

    public DriftMonitor monitor() {
        return monitor;
    }

    public Engine engine() {
        return engine;
    }

    public String policyDigest() {
        return policyDigest;
    }

    public void checkAll(String trigger) {
        if (monitor == null) {
            return;
        }
        try {
            metrics.recordFullCheck(() -> monitor.checkAll(trigger));
        } catch (RuntimeException e) {
            LOG.warnf("drift check failed: %s", e.getMessage());
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (watcher != null) {
            watcher.close();
        }
        if (monitor != null) {
            monitor.close();
        }
        if (alerter != null) {
            alerter.close();
        }
        if (connector != null) {
            connector.close();
        }
    }
}
