package io.portcullis.engine.counters;

import io.portcullis.counters.CounterRead;
import io.portcullis.counters.CounterReader;
import io.portcullis.engine.router.RouterConnector;
import io.portcullis.engine.router.RouterException;
import io.portcullis.engine.router.RouterSession;
import io.portcullis.engine.targets.Target;
import io.portcullis.platform.registry.CounterReaders;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Samples counters over NETCONF: per router one session and one read-only RPC (a {@code <get>} of operational
 * state or the platform's "show" RPC), {@code parallel} routers at a time. No lock, no edit, no commit.
 */
public final class NetconfCounterSampler implements CounterSampler {
    private final RouterConnector connector;
    private final int parallel;
    private final Clock clock;

    public NetconfCounterSampler(RouterConnector connector, int parallel, Clock clock) {
        this.connector = connector;
        this.parallel = Math.max(1, parallel);
        this.clock = clock;
    }

    @Override
    public List<CounterSample> sample(List<Target> targets) {
        if (targets.size() <= 1 || parallel == 1) {
            return targets.stream().map(this::sample).toList();
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, targets.size()), r -> {
            Thread th = new Thread(r, "portcullis-counters-" + n.incrementAndGet());
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<CounterSample>> futures = new ArrayList<>();
            for (Target t : targets) {
                futures.add(pool.submit(() -> sample(t)));
            }
            List<CounterSample> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                Target t = targets.get(i);
                try {
                    out.add(futures.get(i).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    out.add(unavailable(
                            t, null, "internal error: " + e.getCause().getMessage()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    out.add(unavailable(t, null, "the read was interrupted"));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One router: never throws. */
    public CounterSample sample(Target t) {
        String platform = t.device().platform();
        CounterReader reader = CounterReaders.find(platform).orElse(null);
        if (reader == null) {
            return unavailable(t, null, "no counter model for platform " + platform);
        }
        if (t.intent().filters().isEmpty()) {
            return unavailable(t, reader.source(), "the policy puts no filter on this router");
        }
        try (RouterSession s = connector.open(t.device())) {
            String reply = s.readOperational(reader.request(t.intent()));
            return new CounterSample(
                    t.name(), platform, clock.instant(), reader.parse(t.intent(), reply), reader.source());
        } catch (RouterException e) {
            return unavailable(t, reader.source(), e.kind().label() + ": " + e.getMessage());
        }
    }

    private CounterSample unavailable(Target t, String source, String reason) {
        return new CounterSample(
                t.name(), t.device().platform(), clock.instant(), CounterRead.unavailable(reason), source);
    }
}
