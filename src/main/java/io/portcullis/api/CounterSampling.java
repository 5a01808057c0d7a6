package io.portcullis.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.portcullis.engine.counters.NetconfCounterSampler;
import io.portcullis.engine.targets.Target;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * serve's enforcement evidence: every {@code portcullis.counters.period} (default 1m) each router's counters of
 * the owned terms are read (one read-only session and RPC per router) into {@link CounterRounds}: the
 * {@code portcullis_filter_matched_packets_total} metric and the dashboard's drop history (in memory, the last
 * {@code portcullis.counters.history} intervals per router). Only the leader samples ({@link Leadership}); a follower's
 * dashboard shows no drops. {@code portcullis.counters.enabled=false} turns it off.
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

    private DropHistory history;
    private volatile CounterRounds rounds;

    @PostConstruct
    void init() {
        history = new DropHistory(keep);
    }

    @Scheduled(identity = "portcullis-counters", every = "${portcullis.counters.period:1m}", delayed = "${portcullis.counters.delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        if (!enabled || !service.ready() || !mayLead()) {
            return;
        }
        List<Target> targets = List.copyOf(service.monitor().targets());
        try {
            long t0 = System.nanoTime();
            rounds().round(targets);
            LOG.debugf("counters of %d routers sampled in %d ms", targets.size(), (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warnf("counter sampling failed: %s", e.getMessage());
        }
    }

    /** Only the leader replica samples routers (one session per router per period for the whole deployment). */
    private boolean mayLead() {
        Leadership l = service.leadership();
        return l != null && l.leading();
    }

    /** The drop history the dashboard charts (empty until the second sample of a router). */
    public DropHistory history() {
        return history;
    }

    private CounterRounds rounds() {
        CounterRounds r = rounds;
        if (r == null) {
            synchronized (this) {
                if (rounds == null) {
                    int parallel = service.config() == null ? 50 : service.config().parallel();
                    rounds = new CounterRounds(new NetconfCounterSampler(service.connector(), parallel, Clock.systemUTC()),
                            history, registry);
                }
                r = rounds;
            }
        }
        return r;
    }
}
