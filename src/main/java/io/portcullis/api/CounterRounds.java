package io.portcullis.api;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.portcullis.counters.TermCount;
import io.portcullis.engine.counters.CounterSample;
import io.portcullis.engine.counters.CounterSampler;
import io.portcullis.engine.targets.Target;
import io.portcullis.store.CounterDelta;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One sampling round of serve's counters, plain Java so it is tested without Quarkus: read every router's
 * counters through the {@link CounterSampler}, export each owned term's total as
 * {@code portcullis_filter_matched_packets_total{router,family,term}}, and append the packets dropped since the
 * previous round to the {@link DropHistory} (with each term's packet and byte deltas, which it stores when the
 * history is kept in the database). The first round of a router only sets its baseline (nothing is
 * known about the time before it); a counter lower than last time was reset, so its delta is its value.
 */
public final class CounterRounds {
    private record Key(String router, String family, String term) {}

    private record Previous(Instant at, Map<String, Long> packets, Map<String, Long> bytes) {}

    private final CounterSampler sampler;
    private final DropHistory history;
    private final MeterRegistry registry;
    private final Map<Key, AtomicLong> totals = new ConcurrentHashMap<>();
    private final Map<String, Previous> previous = new ConcurrentHashMap<>();

    public CounterRounds(CounterSampler sampler, DropHistory history, MeterRegistry registry) {
        this.sampler = sampler;
        this.history = history;
        this.registry = registry;
    }

    public DropHistory history() {
        return history;
    }

    /** Samples every target once; a router that cannot be read keeps its history and baseline. */
    public List<CounterSample> round(List<Target> targets) {
        List<CounterSample> samples = sampler.sample(targets);
        for (CounterSample s : samples) {
            accept(s);
        }
        return samples;
    }

    private void accept(CounterSample s) {
        if (!s.read().available()) {
            history.verdict(s.router(), "counters unavailable (" + s.read().unavailable() + ")");
            return;
        }
        Map<Key, Long> perKey = new HashMap<>();
        Map<String, Long> packets = new HashMap<>();
        Map<String, Long> bytes = new HashMap<>();
        for (TermCount t : s.read().terms()) {
            if (t.packets() == null) {
                continue;
            }
            // two filters of one family may own a term of the same name (interface and subscriber filters): summed
            perKey.merge(new Key(s.router(), t.family().id(), t.term()), t.packets(), Long::sum);
            packets.merge(t.filter() + "/" + t.term(), t.packets(), Long::sum);
            if (t.bytes() != null) {
                bytes.merge(t.filter() + "/" + t.term(), t.bytes(), Long::sum);
            }
        }
        perKey.forEach((k, v) -> totals.computeIfAbsent(k, this::register).set(v));
        // millisecond times: what the database keeps exactly, so stored and in-memory intervals compare equal
        Instant at = s.at().truncatedTo(ChronoUnit.MILLIS);
        Previous before = previous.put(s.router(), new Previous(at, packets, bytes));
        if (before == null) {
            history.verdict(s.router(), "baseline taken; drops are shown from the next sample on");
            return;
        }
        Map<String, Long> dropped = new HashMap<>();
        long forwarded = 0;
        Map<Key, CounterDelta> rows = new LinkedHashMap<>();
        for (TermCount t : s.read().terms()) {
            if (t.packets() == null) {
                continue;
            }
            String id = t.filter() + "/" + t.term();
            Long was = before.packets().get(id);
            long delta = was == null || t.packets() < was ? t.packets() : t.packets() - was;
            Long byteDelta = null;
            if (t.bytes() != null) {
                Long wasBytes = before.bytes().get(id);
                byteDelta = wasBytes == null || t.bytes() < wasBytes || was == null || t.packets() < was
                        ? t.bytes()
                        : t.bytes() - wasBytes;
            }
            if (t.drops()) {
                dropped.merge(DropHistory.series(t.term(), t.family().id()), delta, Long::sum);
            } else {
                forwarded += delta;
            }
            Key k = new Key(s.router(), t.family().id(), t.term());
            CounterDelta row = new CounterDelta(
                    s.router(), k.family(), k.term(), t.drops(), before.at(), at, delta, byteDelta, null);
            rows.merge(k, row, CounterRounds::sum);
        }
        DropHistory.Interval interval = new DropHistory.Interval(before.at(), at, dropped, forwarded);
        history.add(s.router(), interval, List.copyOf(rows.values()));
        long n = interval.totalDropped();
        history.verdict(
                s.router(),
                n > 0
                        ? String.format(Locale.US, "enforcing: %,d probes dropped since the previous sample", n)
                        : "no drops observed since the previous sample");
    }

    /** Two filters' terms of one name and family: one row, as in the metric (bytes only when both count them). */
    private static CounterDelta sum(CounterDelta a, CounterDelta b) {
        Long bytes = a.bytes() == null || b.bytes() == null ? null : a.bytes() + b.bytes();
        return new CounterDelta(
                a.router(),
                a.family(),
                a.term(),
                a.drops() || b.drops(),
                a.from(),
                a.to(),
                a.packets() + b.packets(),
                bytes,
                null);
    }

    private AtomicLong register(Key k) {
        AtomicLong value = new AtomicLong();
        FunctionCounter.builder("portcullis_filter_matched_packets", value, AtomicLong::get)
                .description(
                        "Packets matched by an owned filter term, as the router counts them (since the filter was installed)")
                .tags("router", k.router(), "family", k.family(), "term", k.term())
                .register(registry);
        return value;
    }
}
