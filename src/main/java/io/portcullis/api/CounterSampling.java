package io.portcullis.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.portcullis.engine.counters.NetconfCounterSampler;
import io.portcullis.engine.targets.Target;
import io.portcullis.store.BufferedCounterSamples;
import io.portcullis.store.DbSettings;
import io.portcullis.store.JdbcCounterSamples;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * serve's enforcement evidence: every {@code portcullis.counters.period} (default 1m) each router's counters of
 * the owned terms are read (one read-only session and RPC per router) into {@link CounterRounds}: the
 * {@code portcullis_filter_matched_packets_total} metric and the dashboard's drop history ({@link DropHistory}). Only
 * the leader samples ({@link Leadership}). With recording on, each interval's per-term deltas go to the database
 * ({@code pcl_counter_sample}, through {@link BufferedCounterSamples}: sampling never waits for it) and every replica's
 * charts read from there, so a follower and a restarted leader show the leader's history; the leader prunes it to
 * {@code portcullis.counters.retention} (default 7d) every {@code portcullis.counters.prune-every} (default 1h). With
 * {@code portcullis.db.enabled=false} the history is in memory only (the last {@code portcullis.counters.history}
 * intervals per router, also the leader's in-memory share when a database is used). {@code portcullis.counters.enabled=false}
 * turns sampling off.
 */
@ApplicationScoped
public class CounterSampling {
    private static final Logger LOG = Logger.getLogger(CounterSampling.class);

    @Inject
    PortcullisService service;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "portcullis.counters.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "portcullis.counters.history", defaultValue = "1440")
    int keep;

    @ConfigProperty(name = "portcullis.counters.retention", defaultValue = "7d")
    String retention;

    @ConfigProperty(name = "portcullis.counters.prune-every", defaultValue = "1h")
    Duration pruneEvery;
    /** How long a replica reuses the fleet's last-hour sums it read (each dashboard refresh would read them again). */
    @ConfigProperty(name = "portcullis.counters.read-cache", defaultValue = "5s")
    Duration readCache;

    private DropHistory history;
    private volatile CounterRounds rounds;
    private volatile boolean attached;
    private BufferedCounterSamples buffer;
    private Instant lastPrune = Instant.EPOCH;
    private boolean sampledHere;

    @PostConstruct
    void init() {
        history = new DropHistory(keep);
    }

    @Scheduled(
            identity = "portcullis-counters",
            every = "${portcullis.counters.period:1m}",
            delayed = "${portcullis.counters.delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        if (!enabled || !service.ready()) {
            return;
        }
        attach();
        if (!mayLead()) {
            if (sampledHere) {
                // deposed: the new leader samples now; its stored history is what this replica charts from here on
                sampledHere = false;
                rounds = null;
                if (history.store() != null) {
                    history.forgetLocal();
                }
            }
            return;
        }
        sampledHere = true;
        List<Target> targets = List.copyOf(service.monitor().targets());
        try {
            long t0 = System.nanoTime();
            rounds().round(targets);
            LOG.debugf("counters of %d routers sampled in %d ms", targets.size(), (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warnf("counter sampling failed: %s", e.getMessage());
        }
        Instant now = Instant.now();
        if (history.store() != null && !now.isBefore(lastPrune.plus(pruneEvery))) {
            lastPrune = now;
            history.prune(now.minus(retentionDuration()));
        }
    }

    private Duration retentionDuration() {
        try {
            return DbSettings.parseAge(retention);
        } catch (RuntimeException e) {
            LOG.warnf("portcullis.counters.retention=%s is not an age (like 7d, 36h): 7d used", retention);
            return Duration.ofDays(7);
        }
    }

    /** With recording on, the history is kept in (and read from) the database from the first use on. */
    private void attach() {
        if (attached || !service.ready()) {
            return;
        }
        synchronized (this) {
            if (attached) {
                return;
            }
            attached = true;
            Leadership l = service.leadership();
            if (service.store() == null || l == null || l.database() == null) {
                LOG.info(
                        "counter history in memory only (recording is off): charts start afresh after a restart and followers show none");
                return;
            }
            buffer = new BufferedCounterSamples(new JdbcCounterSamples(l.database()), 200_000, Duration.ofSeconds(5));
            history.shared(buffer, l.election().replica(), readCache);
        }
    }

    @PreDestroy
    void close() {
        if (buffer != null) {
            buffer.close();
        }
    }

    /** Only the leader replica samples routers (one session per router per period for the whole deployment). */
    private boolean mayLead() {
        Leadership l = service.leadership();
        return l != null && l.leading();
    }

    /** The drop history the dashboard charts (empty until the second sample of a router). */
    public DropHistory history() {
        attach();
        return history;
    }

    /** The database's counter history writer, or null when the history is in memory only (health, tests). */
    public BufferedCounterSamples buffer() {
        return buffer;
    }

    private CounterRounds rounds() {
        CounterRounds r = rounds;
        if (r == null) {
            synchronized (this) {
                if (rounds == null) {
                    int parallel =
                            service.config() == null ? 50 : service.config().parallel();
                    rounds = new CounterRounds(
                            new NetconfCounterSampler(service.connector(), parallel, Clock.systemUTC()),
                            history,
                            registry);
                }
                r = rounds;
            }
        }
        return r;
    }
}
