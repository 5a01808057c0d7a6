package io.portcullis.api;

import io.portcullis.alert.Alert;
import io.portcullis.alert.AlertDeliveryException;
import io.portcullis.alert.AlertSink;
import io.portcullis.alert.AlertStateStore;
import io.portcullis.alert.DriftAlerter;
import io.portcullis.alert.InMemoryAlertStateStore;
import io.portcullis.engine.drift.ChangeWatcher;
import io.portcullis.ha.DatabaseAlertStateStore;
import io.portcullis.ha.DatabaseRouterStateStore;
import io.portcullis.ha.Election;
import io.portcullis.ha.LeaderElection;
import io.portcullis.ha.SingleReplica;
import io.portcullis.store.DbSettings;
import io.portcullis.store.StoreException;
import io.portcullis.store.StoreOpener;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The service's duties that only the leader performs, switched on and off by the {@link Election}: on being
 * elected it reads the alert state back from the database, starts alert delivery, subscribes to every router's
 * change notifications and runs one full check (so a drift made while nobody led is alerted, once, since the
 * alert state says what was already sent); on being deposed it unsubscribes and stops delivering. Followers
 * skip scheduled checks and refuse apply and drift checks (503 naming the leader).
 *
 * <p>Settings: {@code portcullis.replica} (default the host name), {@code portcullis.ha.enabled} (default true;
 * only on PostgreSQL), {@code portcullis.ha.poll-interval} (default 3s), {@code portcullis.ha.state-interval} (default 1s: how
 * often the leader writes the routers' changed states and a follower looks for changes). On H2, with HA off or with recording off,
 * this replica leads alone and says so at start.
 */
final class Leadership implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Leadership.class);

    private final Election election;
    private final AlertStateStore alertState;
    /** Every router's state in the database (null without one): the leader writes it, followers serve it. */
    private final DatabaseRouterStateStore routerState;

    private final ExecutorService duties = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "portcullis-leader-duties");
        t.setDaemon(true);
        return t;
    });
    private DriftAlerter alerter;
    private Supplier<ChangeWatcher> watchers;
    private Consumer<ChangeWatcher> boundWatcher;
    private Consumer<String> fullCheck;
    private ChangeWatcher watcher;
    private boolean checkedOnce;
    private Runnable takeOver = () -> {};

    /** The shared database (null without one): also the counter history's ({@link CounterSampling}). */
    private final Supplier<DataSource> database;

    private Leadership(
            Election election,
            AlertStateStore alertState,
            DatabaseRouterStateStore routerState,
            Supplier<DataSource> database) {
        this.election = election;
        this.alertState = alertState;
        this.routerState = routerState;
        this.database = database;
    }

    /** Chooses the election and the alert state store from the database settings ({@code db} null: recording off or unusable). */
    static Leadership open(DbSettings db) {
        Config c = ConfigProvider.getConfig();
        String replica = c.getOptionalValue("portcullis.replica", String.class)
                .filter(s -> !s.isBlank())
                .map(String::trim)
                .orElseGet(Leadership::hostName);
        boolean haEnabled =
                c.getOptionalValue("portcullis.ha.enabled", Boolean.class).orElse(true);
        Duration poll = c.getOptionalValue("portcullis.ha.poll-interval", Duration.class)
                .orElse(Duration.ofSeconds(3));
        Election election;
        if (db != null && db.enabled() && !knownKind(db)) {
            db = null; // the recorder says why; without a usable database this replica leads alone
        }
        if (db == null || !db.enabled()) {
            election = new SingleReplica(
                    replica, "recording is off, so there is no shared database to elect a leader with");
        } else if (db.kind() == DbSettings.Kind.H2) {
            election = new SingleReplica(
                    replica, "embedded H2 database (point portcullis.db.url at PostgreSQL to run several replicas)");
        } else if (!haEnabled) {
            election = new SingleReplica(replica, "portcullis.ha.enabled=false");
        } else {
            election = new LeaderElection(db, replica, poll);
        }
        AlertStateStore state = new InMemoryAlertStateStore();
        DatabaseRouterStateStore routers = null;
        Supplier<DataSource> ds = null;
        if (db != null && db.enabled()) {
            ds = StoreOpener.lazy(db);
            state = new DatabaseAlertStateStore(
                    ds, replica, election::leading, Clock.systemUTC(), Duration.ofSeconds(5));
            Duration tick = c.getOptionalValue("portcullis.ha.state-interval", Duration.class)
                    .orElse(Duration.ofSeconds(1));
            routers = new DatabaseRouterStateStore(ds, replica, election::leading, Clock.systemUTC(), tick);
        }
        return new Leadership(election, state, routers, ds);
    }

    private static boolean knownKind(DbSettings db) {
        try {
            db.kind();
            return true;
        } catch (StoreException e) {
            return false;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "portcullis-" + ProcessHandle.current().pid();
        }
    }

    AlertStateStore alertState() {
        return alertState;
    }

    /** Every router's state in the database, or null when there is none. */
    DatabaseRouterStateStore routerState() {
        return routerState;
    }

    /** The migrated datasource shared by the replicas (opened on first use), or null when there is no database. */
    Supplier<DataSource> database() {
        return database;
    }

    /** Runs when this replica is elected, before its first full check (loads the routers' states the last leader left). */
    void onTakeOver(Runnable r) {
        this.takeOver = r;
    }

    Election election() {
        return election;
    }

    boolean leading() {
        return election.leading();
    }

    /** The leader's name for a follower's 503 and the health check, or a sentence when nobody is known to lead. */
    String leaderName() {
        return election.leader().orElse("unknown (no replica holds the leader lock right now)");
    }

    /** Wraps the sinks so that only the leader sends: a check still running on a just-deposed replica sends nothing. */
    List<AlertSink> leaderOnly(List<AlertSink> sinks) {
        return sinks.stream().map(this::gate).toList();
    }

    private AlertSink gate(AlertSink sink) {
        return new AlertSink() {
            @Override
            public String name() {
                return sink.name();
            }

            @Override
            public boolean resends() {
                return sink.resends();
            }

            @Override
            public void send(Alert alert) {
                if (!election.leading()) {
                    throw new AlertDeliveryException(
                            "not sent: replica " + election.replica() + " is no longer the leader");
                }
                sink.send(alert);
            }
        };
    }

    /**
     * Starts electing. {@code watchers} makes a new notification watcher (null: notifications off), {@code bind}
     * hands it to the metrics, {@code fullCheck} runs one full check with a trigger name.
     */
    void start(DriftAlerter a, Supplier<ChangeWatcher> w, Consumer<ChangeWatcher> bind, Consumer<String> check) {
        this.alerter = a;
        this.watchers = w;
        this.boundWatcher = bind;
        this.fullCheck = check;
        LOG.info(election.describe());
        election.start(new Election.Listener() {
            @Override
            public void elected() {
                duties.submit(Leadership.this::lead);
            }

            @Override
            public void deposed() {
                // at once, on the election thread: a deposed replica must stop talking to routers and receivers
                follow();
            }
        });
    }

    private void lead() {
        if (!election.leading()) {
            return; // deposed again before this ran
        }
        if (alertState instanceof DatabaseAlertStateStore db && !db.reload()) {
            LOG.warnf(
                    "alert state could not be read from the database (%s): open alerts may be sent again as new",
                    db.lastError());
        }
        alerter.start();
        try {
            takeOver.run();
        } catch (RuntimeException e) {
            LOG.warnf("the routers' last known states could not be loaded: %s", e.getMessage());
        }
        synchronized (this) {
            if (watchers != null && watcher == null) {
                watcher = watchers.get();
                boundWatcher.accept(watcher);
            }
        }
        String trigger = checkedOnce ? "failover" : "startup";
        checkedOnce = true;
        LOG.infof(
                "replica %s leads: notifications subscribed, alert delivery started, full check (%s) running",
                election.replica(), trigger);
        fullCheck.accept(trigger);
    }

    private void follow() {
        closeWatcher();
        if (alerter != null) {
            alerter.close();
        }
        LOG.infof(
                "replica %s follows: no notification subscriptions, no checks, no alerts; the leader is %s",
                election.replica(), leaderName());
    }

    private void closeWatcher() {
        ChangeWatcher w;
        synchronized (this) {
            w = watcher;
            watcher = null;
        }
        if (w != null) {
            w.close();
            boundWatcher.accept(null);
        }
    }

    /** The notification watcher while this replica leads (a reload re-targets it), else null. */
    synchronized ChangeWatcher watcher() {
        return watcher;
    }

    /** Store problems seen by the alert state, for the health check, or empty. */
    Optional<String> alertStateProblem() {
        return alertState instanceof DatabaseAlertStateStore db && db.lastError() != null
                ? Optional.of(db.lastError())
                : Optional.empty();
    }

    @Override
    public void close() {
        if (routerState != null) {
            routerState.close(); // writes what is left while this replica still leads
        }
        election.close();
        duties.shutdownNow();
        closeWatcher();
        if (alertState instanceof DatabaseAlertStateStore db) {
            db.close();
        }
    }
}
