package io.portcullis.api;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What serve's counter sampling saw, per router, for the dashboard: the packets each drop term dropped per
 * sampling interval, by service and family ("SMTP ipv4"), and the latest one-line verdict. Kept in memory (the
 * last {@code keep} intervals per router): a restart starts the charts afresh.
 */
public final class DropHistory {

    /** One sampling interval of one router: dropped packets per "SERVICE family", and what the accept terms counted. */
    public record Interval(Instant from, Instant to, Map<String, Long> dropped, long forwarded) {
        public Interval {
            dropped = Map.copyOf(dropped);
        }

        public long totalDropped() {
            return dropped.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final int keep;
    private final Map<String, Deque<Interval>> routers = new ConcurrentHashMap<>();
    private final Map<String, String> verdicts = new ConcurrentHashMap<>();

    public DropHistory(int keep) {
        this.keep = Math.max(1, keep);
    }

    /** The chart's series name of a drop term: {@code deny-smtp} in ipv6 → "SMTP ipv6" (other names as they are). */
    static String series(String term, String family) {
        String s = term.startsWith("deny-") ? term.substring(5) : term;
        return s.toUpperCase(Locale.ROOT) + " " + family;
    }

    void add(String router, Interval interval) {
        Deque<Interval> d = routers.computeIfAbsent(router, r -> new ArrayDeque<>());
        synchronized (d) {
            d.addLast(interval);
            while (d.size() > keep) {
                d.removeFirst();
            }
        }
    }

    void verdict(String router, String text) {
        verdicts.put(router, text);
    }

    /** Oldest first. */
    public List<Interval> intervals(String router) {
        Deque<Interval> d = routers.get(router);
        if (d == null) {
            return List.of();
        }
        synchronized (d) {
            return List.copyOf(d);
        }
    }

    /** Packets the router's drop terms dropped in intervals that ended after {@code since}; empty when nothing was sampled. */
    public Optional<Long> droppedSince(String router, Instant since) {
        List<Interval> all = intervals(router);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(all.stream().filter(i -> i.to().isAfter(since)).mapToLong(Interval::totalDropped).sum());
    }

    /** Per series, the packets dropped since {@code since}. */
    public Map<String, Long> droppedBySeries(String router, Instant since) {
        Map<String, Long> out = new TreeMap<>();
        for (Interval i : intervals(router)) {
            if (i.to().isAfter(since)) {
                i.dropped().forEach((k, v) -> out.merge(k, v, Long::sum));
            }
        }
        return out;
    }

    public Optional<String> verdict(String router) {
        return Optional.ofNullable(verdicts.get(router));
    }

    /**
     * A hint, not an alert: the router dropped nothing since {@code since} while most of its sampled peers dropped
     * something. A router that simply sees no probes looks the same, which is why it stays a hint.
     */
    public boolean noEnforcementObserved(String router, Instant since) {
        Optional<Long> mine = droppedSince(router, since);
        if (mine.isEmpty() || mine.get() > 0) {
            return false;
        }
        int peers = 0;
        int dropping = 0;
        for (String other : routers.keySet()) {
            if (other.equals(router)) {
                continue;
            }
            peers++;
            if (droppedSince(other, since).orElse(0L) > 0) {
                dropping++;
            }
        }
        return peers > 0 && dropping * 2 > peers;
    }
}
