package io.portcullis.api;

import io.portcullis.store.CounterDelta;
import io.portcullis.store.CounterSamples;
import io.portcullis.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * What serve's counter sampling saw, per router, for the dashboard: the packets each drop term dropped per
 * sampling interval, by service and family ("SMTP ipv4"), and the latest one-line verdict.
 *
 * <p>The sampling replica (the leader) keeps the last {@code keep} intervals per router in memory. With a database
 * ({@link #shared}: recording on) it also hands each interval's per-term deltas to the counter history
 * ({@code pcl_counter_sample}), and every read comes from the database, so a restarted leader and a follower chart the
 * same history: the stored intervals, followed by the in-memory intervals newer than the newest stored one (a round
 * not yet written, or sampled while the database was down). When the database cannot be read the in-memory history
 * is shown (on a follower: nothing). Without a database ({@code portcullis.db.enabled=false}) it is memory only and a
 * restart starts the charts afresh. Verdicts stay in memory; a replica without one says what the newest stored interval
 * dropped.
 */
public final class DropHistory {
    private static final Logger LOG = Logger.getLogger(DropHistory.class);

    /** One sampling interval of one router: dropped packets per "SERVICE family", and what the accept terms counted. */
    public record Interval(Instant from, Instant to, Map<String, Long> dropped, long forwarded) {
        public Interval {
            dropped = Map.copyOf(dropped);
        }

        public long totalDropped() {
            return dropped.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * The fleet's drops over one window, read once for a whole page: per router sampled in the window (an interval
     * ended in it), the packets its drop terms dropped.
     */
    public record Window(Map<String, Long> dropped) {
        public Window {
            dropped = Map.copyOf(dropped);
        }

        /** Empty when the router was not sampled in the window. */
        public Optional<Long> dropped(String router) {
            return Optional.ofNullable(dropped.get(router));
        }

        /**
         * A hint, not an alert: the router dropped nothing in the window while most of its peers sampled in it dropped
         * something. A router that simply sees no probes looks the same, which is why it stays a hint.
         */
        public boolean noEnforcementObserved(String router) {
            Long mine = dropped.get(router);
            if (mine == null || mine > 0) {
                return false;
            }
            int peers = dropped.size() - 1;
            long dropping = dropped.entrySet().stream()
                    .filter(e -> !e.getKey().equals(router) && e.getValue() > 0)
                    .count();
            return peers > 0 && dropping * 2 > peers;
        }
    }

    private record Shared(CounterSamples store, String replica, Duration cacheFor) {}

    private record Cached(Instant since, Instant readAt, Map<String, long[]> routers) {}

    private final int keep;
    private final Clock clock;
    private final Map<String, Deque<Interval>> routers = new ConcurrentHashMap<>();
    private final Map<String, String> verdicts = new ConcurrentHashMap<>();
    private volatile Shared shared;
    private volatile Cached cached;
    private volatile String readError;

    public DropHistory(int keep) {
        this(keep, Clock.systemUTC());
    }

    DropHistory(int keep, Clock clock) {
        this.keep = Math.max(1, keep);
        this.clock = clock;
    }

    /**
     * Keeps the history in the database from now on: {@code store} takes the sampled deltas (written as
     * {@code replica}) and answers every read; the fleet's window is read at most once per {@code cacheFor}.
     */
    DropHistory shared(CounterSamples store, String replica, Duration cacheFor) {
        this.shared = new Shared(store, replica, cacheFor);
        this.cached = null;
        return this;
    }

    /** The counter history in the database, or null when this history is memory only. */
    CounterSamples store() {
        Shared s = shared;
        return s == null ? null : s.store();
    }

    /** Why the database's history could not be read last time (the in-memory one was shown), or null. */
    public String readError() {
        return readError;
    }

    /** The chart's series name of a drop term: {@code deny-smtp} in ipv6 → "SMTP ipv6" (other names as they are). */
    static String series(String term, String family) {
        String s = term.startsWith("deny-") ? term.substring(5) : term;
        return s.toUpperCase(Locale.ROOT) + " " + family;
    }

    void add(String router, Interval interval) {
        add(router, interval, List.of());
    }

    /** One sampled interval, and its per-term deltas for the database (written in the background; see {@link #shared}). */
    void add(String router, Interval interval, List<CounterDelta> rows) {
        Deque<Interval> d = routers.computeIfAbsent(router, r -> new ArrayDeque<>());
        synchronized (d) {
            d.addLast(interval);
            while (d.size() > keep) {
                d.removeFirst();
            }
        }
        Shared s = shared;
        if (s != null && !rows.isEmpty()) {
            try {
                s.store()
                        .write(rows.stream()
                                .map(r -> r.sampledBy() != null
                                        ? r
                                        : new CounterDelta(
                                                r.router(),
                                                r.family(),
                                                r.term(),
                                                r.drops(),
                                                r.from(),
                                                r.to(),
                                                r.packets(),
                                                r.bytes(),
                                                s.replica()))
                                .toList());
            } catch (StoreException e) {
                LOG.warnf("counter samples of %s not stored: %s", router, e.getMessage());
            }
        }
    }

    void verdict(String router, String text) {
        verdicts.put(router, text);
    }

    /** This replica no longer samples (deposed): what it kept in memory is the new leader's to chart now. */
    void forgetLocal() {
        routers.clear();
        verdicts.clear();
    }

    /** Oldest first: the last {@code keep} intervals. */
    public List<Interval> intervals(String router) {
        return intervals(router, keep);
    }

    /** Oldest first: the router's last {@code n} intervals. */
    public List<Interval> intervals(String router, int n) {
        List<Interval> local = local(router);
        Shared s = shared;
        if (s == null) {
            return last(local, n);
        }
        List<Interval> out;
        try {
            out = group(s.store().recent(router, n));
            readError = null;
        } catch (StoreException e) {
            readFailed(e);
            return last(local, n);
        }
        Instant newest = out.isEmpty() ? null : out.get(out.size() - 1).to();
        for (Interval i : local) {
            if (newest == null || i.to().isAfter(newest)) {
                out.add(i);
            }
        }
        return last(out, n);
    }

    private List<Interval> local(String router) {
        Deque<Interval> d = routers.get(router);
        if (d == null) {
            return new ArrayList<>();
        }
        synchronized (d) {
            return new ArrayList<>(d);
        }
    }

    private static List<Interval> last(List<Interval> all, int n) {
        return List.copyOf(all.subList(Math.max(0, all.size() - Math.max(0, n)), all.size()));
    }

    /** Rows in time order → one interval per end time. */
    static List<Interval> group(List<CounterDelta> rows) {
        Map<Instant, List<CounterDelta>> byEnd = new LinkedHashMap<>();
        rows.forEach(r -> byEnd.computeIfAbsent(r.to(), t -> new ArrayList<>()).add(r));
        List<Interval> out = new ArrayList<>();
        byEnd.forEach((to, rs) -> {
            Map<String, Long> dropped = new HashMap<>();
            long forwarded = 0;
            for (CounterDelta r : rs) {
                if (r.drops()) {
                    dropped.merge(series(r.term(), r.family()), r.packets(), Long::sum);
                } else {
                    forwarded += r.packets();
                }
            }
            out.add(new Interval(rs.get(0).from(), to, dropped, forwarded));
        });
        return out;
    }

    /** The fleet's drops in intervals that ended after {@code since}. */
    public Window window(Instant since) {
        Map<String, long[]> known = new HashMap<>(); // router → {dropped, newest stored end in epoch millis}
        Shared s = shared;
        if (s != null) {
            Cached c = cached;
            Instant now = clock.instant();
            if (c == null
                    || !c.readAt().plus(s.cacheFor()).isAfter(now)
                    || Duration.between(c.since(), since).abs().compareTo(s.cacheFor()) > 0) {
                try {
                    Map<String, long[]> read = new HashMap<>();
                    for (CounterSamples.RouterDrops r : s.store().fleet(since)) {
                        read.put(r.router(), new long[] {r.dropped(), r.newest().toEpochMilli()});
                    }
                    c = new Cached(since, now, read);
                    cached = c;
                    readError = null;
                } catch (StoreException e) {
                    readFailed(e);
                    c = null;
                }
            }
            if (c != null) {
                c.routers().forEach((r, v) -> known.put(r, v.clone()));
            }
        }
        Map<String, Long> out = new TreeMap<>();
        known.forEach((r, v) -> out.put(r, v[0]));
        for (String router : routers.keySet()) {
            long[] stored = known.get(router);
            for (Interval i : local(router)) {
                boolean unstored = stored == null || i.to().toEpochMilli() > stored[1];
                if (unstored && i.to().isAfter(since)) {
                    out.merge(router, i.totalDropped(), Long::sum);
                }
            }
        }
        return new Window(out);
    }

    private void readFailed(StoreException e) {
        if (readError == null) {
            LOG.warnf(
                    "counter history not readable from the database (showing this replica's own samples): %s",
                    e.getMessage());
        }
        readError = e.getMessage();
    }

    /** Packets the router's drop terms dropped in intervals that ended after {@code since}; empty when none was sampled then. */
    public Optional<Long> droppedSince(String router, Instant since) {
        return window(since).dropped(router);
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

    /**
     * This replica's latest verdict; without one (a follower, a restarted leader before its second sample) what the
     * newest stored interval shows.
     */
    public Optional<String> verdict(String router) {
        String v = verdicts.get(router);
        if (v != null || shared == null) {
            return Optional.ofNullable(v);
        }
        List<Interval> last = intervals(router, 1);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        long n = last.get(0).totalDropped();
        return Optional.of(
                n > 0
                        ? String.format(Locale.US, "enforcing: %,d probes dropped in the newest stored interval", n)
                        : "no drops observed in the newest stored interval");
    }

    /** See {@link Window#noEnforcementObserved}. */
    public boolean noEnforcementObserved(String router, Instant since) {
        return window(since).noEnforcementObserved(router);
    }

    /** Deletes stored intervals that ended before {@code cutoff} (the leader's retention); nothing without a database. */
    void prune(Instant cutoff) {
        Shared s = shared;
        if (s != null) {
            try {
                s.store().prune(cutoff);
            } catch (StoreException e) {
                LOG.warnf("counter retention: %s", e.getMessage());
            }
        }
    }
}
