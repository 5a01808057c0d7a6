package io.portcullis.api;

import io.portcullis.alert.AlertSink;
import io.portcullis.alert.AlertmanagerSink;
import io.portcullis.alert.DriftAlerter;
import io.portcullis.alert.LogSink;
import io.portcullis.alert.SlackSink;
import io.portcullis.alert.WebhookSink;
import io.portcullis.engine.Engine;
import io.portcullis.engine.VerifierProver;
import io.portcullis.engine.Workspace;
import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.drift.ChangeWatcher;
import io.portcullis.engine.drift.DesiredState;
import io.portcullis.engine.drift.DriftMonitor;
import io.portcullis.engine.drift.Remediator;
import io.portcullis.engine.drift.RevisionRef;
import io.portcullis.engine.drift.RevisionSource;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.router.Digests;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.targets.Target;
import io.portcullis.store.BufferedRunStore;
import io.portcullis.store.DbSettings;
import io.portcullis.store.GitRevision;
import io.portcullis.store.PolicySnapshot;
import io.portcullis.store.StoreException;
import io.portcullis.store.StoreOpener;
import io.portcullis.store.What;
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
    /** Quarantine, quirks and router locks (issue 13): in the database when recording is on, else the state file. */
    private io.portcullis.guard.Guards.Opened guard;
    /** The quarantine as the dashboard and the read-only API show it; emptied by quarantines and releases of this replica. */
    private QuarantineReadCache quarantineCache;

    private DriftMonitor monitor;
    private String policyDigest;
    private String loadError;
    private DriftAlerter alerter;
    /** Null when recording is off (portcullis.db.enabled=false) or its settings are unusable (dbError says why). */
    private ServiceRecorder recorder;

    private String dbError;
    private HistoryRevisions revisions;
    private PolicyWatch policyWatch;
    private Path policyPath;
    private Path inventoryPath;
    /** Alerts changes that an apply overwrote unseen (null when recording is off: it reads the run history). */
    private OverwriteAudit overwriteAudit;

    /** Which replica leads, and the duties only the leader performs (notifications, checks, alerts). */
    private Leadership leadership;
    /** Each router's state through the database (null without one): written by the leader, served by followers. */
    private RouterStateSharing sharing;

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
        policyPath = policy;
        inventoryPath = inventory;
        connector = NetconfConnector.create();
        guard = openGuard();
        io.portcullis.engine.memory.RouterGuard g = guard.guard();
        quarantineCache = new QuarantineReadCache(g.memory(), quarantineReadCache(), System::nanoTime);
        engine = new Engine(
                EngineContext.standard(connector, new VerifierProver())
                        .withGuard(new io.portcullis.engine.memory.RouterGuard(
                                quarantineCache.invalidating(),
                                g.locks(),
                                g.actor(),
                                g.lockWait(),
                                g.includeQuarantined())),
                io.portcullis.engine.ToolVersion.current());
        recorder = openRecorder(policy, inventory);
        List<AlertSink> sinks = new ArrayList<>();
        sinks.add(new LogSink());
        config.webhookUrl()
                .ifPresent(u -> sinks.add(new WebhookSink(
                        URI.create(u), config.webhookReceiver(), config.alerts().externalUrl())));
        config.alertmanagerUrl().ifPresent(u -> sinks.add(new AlertmanagerSink(URI.create(u))));
        config.slackUrl().ifPresent(u -> sinks.add(new SlackSink(URI.create(u))));
        // every delivery attempt is recorded per sink (the wrapper keeps each sink's name and re-send behaviour)
        List<AlertSink> recorded = recorder == null
                ? sinks
                : sinks.stream().map(recorder::recording).toList();
        // alert state in the database (in memory when recording is off); only the leader sends
        leadership = Leadership.open(recorder == null ? null : DbSettings.current());
        alerter = new DriftAlerter(
                leadership.leaderOnly(recorded),
                leadership.alertState(),
                config.alerts(),
                metrics,
                java.time.Clock.systemUTC());
        DesiredSettings desiredSettings = DesiredSettings.load();
        revisions = recorder == null ? null : new HistoryRevisions(recorder.store());
        RevisionSource source = revisions == null ? RevisionSource.NONE : revisions;
        DesiredState desired = new DesiredState(
                source,
                policy,
                inventory,
                limit,
                new RevisionRef(policyDigest, GitRevision.of(policy).orElse(null), java.time.Instant.now()),
                targets);
        DriftMonitor.Listener listener = recorder == null ? metrics : recorder;
        sharing = leadership.routerState() == null ? null : new RouterStateSharing(listener, leadership.routerState());
        monitor = new DriftMonitor(
                engine,
                desired,
                alerter,
                sharing == null ? listener : sharing,
                config.parallel(),
                config.remediate(),
                new Remediator(engine, applyOptions(), source::openRuns),
                desiredSettings.settle());
        overwriteAudit = recorder == null
                ? null
                : new OverwriteAudit(
                        recorder.store(),
                        alerter,
                        router -> monitor.desired().routers().containsKey(router),
                        leadership.election().replica());
        if (sharing != null) {
            // followers serve the leader's findings from the database; a replica about to lead starts from them
            sharing.start(monitor::restore);
            leadership.onTakeOver(sharing::takeOver);
        }
        if (recorder == null) {
            LOG.infof(
                    "no run history: every router is compared with the loaded policy (pending and applied revisions need portcullis.db)");
        }
        metrics.bind(monitor, sinks, config.driftPeriodDuration());
        metrics.bindLeadership(leadership.election());
        LOG.infof(
                "watching %d routers; alert sinks: %s; full check every %s; Alertmanager re-send every %s",
                targets.size(),
                sinks.stream().map(AlertSink::name).toList(),
                config.driftPeriod(),
                config.alerts().resendInterval());
        if (!desiredSettings.pollInterval().isZero()) {
            policyWatch = new PolicyWatch(
                    policy, inventory, limit, policyDigest, Digests.policyFiles(inventory), this::reload);
            policyWatch.start(desiredSettings.pollInterval());
        }
        // the first full check runs when this replica is elected (at once for a single replica), not here as well
        leadership.start(
                alerter, config.watchNotifications() ? this::newWatcher : null, metrics::bindWatcher, this::checkAll);
    }

    private ChangeWatcher newWatcher() {
        ChangeWatcher w =
                new ChangeWatcher(connector, monitor.changeHandler(), config.minBackoff(), config.maxBackoff());
        w.watch(List.copyOf(monitor.targets()));
        return w;
    }

    /** The history store, buffered: the service starts and keeps watching while the database is down. */
    private ServiceRecorder openRecorder(Path policy, Path inventory) {
        DbSettings db;
        try {
            db = DbSettings.current();
        } catch (StoreException e) {
            dbError = e.getMessage();
            LOG.warnf("runs are not recorded: %s", e.getMessage());
            return null;
        }
        if (!db.enabled()) {
            return null;
        }
        What what = new What(GitRevision.of(policy).orElse(null), policyDigest, Digests.policyFiles(inventory), null);
        BufferedRunStore store =
                new BufferedRunStore(() -> StoreOpener.open(db), 100_000, java.time.Duration.ofSeconds(5));
        return new ServiceRecorder(store, metrics, what, snapshot(policy, what));
    }

    /** The loaded policy's documents, kept with every run that applies it; null (and a warning) when too large to keep. */
    static PolicySnapshot snapshot(Path policy, What what) {
        try {
            return PolicySnapshot.capture(policy, what.policyDigest(), what.policyRevision());
        } catch (IllegalArgumentException e) {
            LOG.warnf(
                    "the policy revision is not recorded with runs (%s); replicas compare routers with their own loaded policy",
                    e.getMessage());
            return null;
        }
    }

    /** The policy or inventory changed on disk and loads: re-target the monitor, the watcher, the metrics and the recorder. */
    synchronized void reload(PolicyWatch.Reload r) {
        java.util.Set<String> before =
                new java.util.HashSet<>(monitor.desired().routers().keySet());
        String revision = GitRevision.of(policyPath).orElse(null);
        monitor.desired()
                .loaded(
                        new RevisionRef(r.policyDigest(), revision, java.time.Instant.now()),
                        r.targets(),
                        inventoryPath,
                        r.inventoryChanged());
        policyDigest = r.policyDigest();
        if (recorder != null) {
            What what = new What(revision, r.policyDigest(), r.inventoryDigest(), null);
            recorder.loaded(what, snapshot(policyPath, what));
        }
        List<Target> added =
                r.targets().stream().filter(t -> !before.contains(t.name())).toList();
        java.util.Set<String> removed = new java.util.HashSet<>(before);
        r.targets().forEach(t -> removed.remove(t.name()));
        if (!removed.isEmpty()) {
            monitor.forget(removed);
            if (sharing != null && leadership.leading()) {
                sharing.forget(removed);
            }
            metrics.routersRemoved(removed);
            if (recorder != null) {
                recorder.forget(removed);
            }
            if (leadership.watcher() != null) {
                leadership.watcher().unwatch(removed);
            }
        }
        metrics.routersAdded(added);
        if (leadership.watcher() != null) {
            leadership.watcher().watch(r.targets());
        }
        LOG.infof(
                "now watching %d routers (%d added, %d removed); policy %s",
                r.targets().size(),
                added.size(),
                removed.size(),
                monitor.desired().loadedRef().label());
        checkAll("reload");
    }

    /** Revisions in the history (null when recording is off): API applies say which runs hold routers. */
    HistoryRevisions revisions() {
        return revisions;
    }

    /** The history store, or null when recording is off. */
    public BufferedRunStore store() {
        return recorder == null ? null : recorder.store();
    }

    /** Why recording is unusable (bad settings), or null. */
    public String dbError() {
        return dbError;
    }

    /**
     * Alerts out-of-band changes that finished applies overwrote before any check saw them (leader only); called by
     * {@link OverwriteSchedule}.
     */
    public void auditOverwrites() {
        if (overwriteAudit == null || !leadership.leading()) {
            return;
        }
        // this replica's own drift events first: a change it saw and alerted is not alerted again as unseen
        recorder.store().flush(java.time.Duration.ofSeconds(5));
        overwriteAudit.run(java.time.Instant.now());
    }

    /** Deletes runs older than portcullis.db.retention (default 400d); called by the retention schedule. */
    public void prune() {
        if (recorder == null) {
            return;
        }
        try {
            int n = recorder.store()
                    .prune(java.time.Instant.now().minus(DbSettings.current().retention()));
            if (n > 0) {
                LOG.infof(
                        "retention: %d runs older than %s deleted",
                        n, DbSettings.current().retention());
            }
        } catch (StoreException e) {
            LOG.warnf("retention: %s", e.getMessage());
        }
    }

    ApplyOptions applyOptions() {
        // portcullis.confirm-timeout set for the service is the "environment" level: it wins over the inventory
        boolean set = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("portcullis.confirm-timeout", String.class)
                .isPresent();
        return set
                ? ApplyOptions.defaults().withConfirmTimeoutOverride(config.confirmTimeout())
                : ApplyOptions.defaults().withConfirmTimeout(config.confirmTimeout());
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

    /** The service's NETCONF connector (counter sampling opens its read-only sessions through it), null before start. */
    NetconfConnector connector() {
        return connector;
    }

    public Engine engine() {
        return engine;
    }

    public String policyDigest() {
        return policyDigest;
    }

    public void checkAll(String trigger) {
        if (monitor == null || !leadership.leading()) {
            return; // followers do not check: the leader does, and records what it found
        }
        try {
            java.time.Instant started = java.time.Instant.now();
            List<List<io.portcullis.engine.drift.RouterStatus>> results = new ArrayList<>(1);
            metrics.recordFullCheck(() -> results.add(monitor.checkAll(trigger)));
            if (recorder != null && !results.isEmpty()) {
                recorder.fullCheck(trigger, started, results.get(0));
            }
            if (sharing != null && !results.isEmpty()) {
                sharing.fullCheck(started, results.get(0).size());
            }
        } catch (RuntimeException e) {
            LOG.warnf("drift check failed: %s", e.getMessage());
        }
    }

    /** The recorder of REST applies (started by {@link ApplyRuns}) and plans, or null when recording is off. */
    ServiceRecorder recorder() {
        return recorder;
    }

    /** Which replica leads; null before start. */
    Leadership leadership() {
        return leadership;
    }

    /**
     * Where a router's shown state comes from: this replica's own check while it leads (or runs alone), else the
     * replica that wrote it to the database (null when nothing is known about it yet).
     */
    public String observedBy(String router) {
        if (leadership == null || leadership.leading() || sharing == null) {
            return leadership == null ? null : leadership.election().replica();
        }
        return sharing.writer(router);
    }

    /**
     * Null while this replica leads; on a follower one sentence saying whose findings it shows and when it read them
     * from the database (or that it cannot).
     */
    public String followerNote() {
        if (leadership == null || leadership.leading()) {
            return null;
        }
        String me = "replica " + leadership.election().replica() + " follows (the leader is " + leadership.leaderName()
                + ")";
        if (sharing == null) {
            return me + "; without a database it shows no router states";
        }
        io.portcullis.ha.FleetSnapshot read = sharing.store().lastRead();
        String problem = sharing.store().lastError();
        if (read == null) {
            return me + "; the routers' states are not read from the database yet"
                    + (problem == null ? "" : ": " + problem);
        }
        long ago = Math.max(
                0,
                java.time.Duration.between(read.readAt(), java.time.Instant.now())
                        .toSeconds());
        return me + ": states as the leader recorded them in the database"
                + (problem == null
                        ? ", looked up every few seconds"
                        : "; the database cannot be read now (" + problem + "), last read " + ago + " s ago");
    }

    /** The router guard of this replica; the database's when it can be opened now, else the state file (logged). */
    private static io.portcullis.guard.Guards.Opened openGuard() {
        String actor = "serve " + System.getProperty("portcullis.replica", System.getProperty("user.name", "?"));
        try {
            return io.portcullis.guard.Guards.open(DbSettings.current(), actor);
        } catch (RuntimeException e) {
            LOG.errorf(
                    "quarantine and router locks are not shared with other processes (%s); using %s until serve restarts",
                    e.getMessage(), io.portcullis.guard.Guards.stateDir().resolve("routers.json"));
            return io.portcullis.guard.Guards.open(DbSettings.off(), actor);
        }
    }

    /** Quarantined routers now (empty when they cannot be read: the API then says so in the log, apply refuses). */
    public java.util.Map<String, io.portcullis.engine.memory.Quarantine> quarantined() {
        QuarantineList l = quarantineList();
        if (l.error() != null) {
            LOG.warnf("the quarantine list cannot be read: %s", l.error());
        }
        return l.all().stream()
                .collect(java.util.stream.Collectors.toMap(
                        io.portcullis.engine.memory.Quarantine::router, q -> q, (a, b) -> b));
    }

    private static java.time.Duration quarantineReadCache() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("portcullis.quarantine.read-cache", java.time.Duration.class)
                .orElse(java.time.Duration.ofSeconds(5));
    }

    /**
     * The quarantine as this replica's guard holds it (the database's when recording is on, so a follower shows what
     * the leader or a CLI run recorded), oldest first.
     *
     * @param error null, or one sentence saying why the list cannot be read now ({@code all} is empty then)
     */
    public record QuarantineList(List<io.portcullis.engine.memory.Quarantine> all, String error) {}

    /**
     * At most one small query per {@code portcullis.quarantine.read-cache} (5s; 0 reads every time), at once after a
     * quarantine or release through this replica; never throws.
     */
    public QuarantineList quarantineList() {
        try {
            return new QuarantineList(quarantineCache == null ? List.of() : quarantineCache.quarantined(), null);
        } catch (RuntimeException e) {
            return new QuarantineList(List.of(), e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (guard != null) {
            guard.close();
        }
        if (policyWatch != null) {
            policyWatch.close();
        }
        if (leadership != null) {
            leadership.close(); // releases the leader lock first, so another replica takes over at once
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
        if (recorder != null) {
            recorder.store().close();
        }
    }
}
