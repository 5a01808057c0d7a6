package io.portcullis.web;

import io.portcullis.api.DropHistory;
import io.portcullis.engine.drift.RouterStatus;
import io.portcullis.engine.memory.Quarantine;
import io.portcullis.engine.memory.RouterLocks;
import io.portcullis.engine.targets.Target;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The fleet page and {@code /fleet.json}: one row per router of the policy's scope (filtered by state, platform and
 * group, and whether quarantined), the count per state over the whole fleet, how many routers are quarantined, and
 * the choices of the filter form. Built from the drift monitor's statuses, the counter sampling's drop history and the
 * quarantine list the caller read; nothing here contacts a router or the database.
 *
 * <p>Problems first: drifted, then unreachable or quarantined, pending, unchecked, and the routers in policy last (each
 * group in inventory order), so a wall screen shows what needs someone at the top. At most {@code limit} rows are
 * listed (the page of a 1,000-router fleet is laid out by the browser in well under a second only when it does not
 * list them all); {@code ?all=1} lists every row. The counts always cover the whole fleet.
 *
 * @param quarantined     how many routers of the fleet apply skips until they are released (issue 13 item 3)
 * @param quarantineError null, or why the quarantine list cannot be read now (rows then show no quarantine)
 * @param matching        how many routers the filter accepts ({@code rows} lists the first {@code limit} of them)
 * @param showAllHref     null when every matching router is listed, else the link that lists them all
 */
public record FleetView(
        List<Row> rows,
        List<StateCount> counts,
        int total,
        int matching,
        String showAllHref,
        int quarantined,
        String quarantineError,
        Filter filter,
        List<String> states,
        List<String> platforms,
        List<String> groups,
        boolean wall,
        String generatedAt,
        String note,
        String source) {

    public static final String QUARANTINE_SYMBOL = "⛔";

    /**
     * One router; {@code dropped} is the packets its drop terms dropped in the last hour ("—" before two samples).
     *
     * @param quarantined whether apply skips it until someone releases it
     * @param quarantine  when quarantined, one sentence: since when, which run and actor left it in which state, why (else "")
     */
    public record Row(
            String router,
            String href,
            String platform,
            String groups,
            String state,
            String stateText,
            String stateSymbol,
            String revision,
            String lastCheck,
            String lastCheckIso,
            String dropped,
            String hint,
            boolean quarantined,
            String quarantine) {}

    public record StateCount(String state, String text, String symbol, int count, String href) {}

    /** How many rows the fleet page lists unless asked for all ({@code ?all=1}). */
    public static final int DEFAULT_LIMIT = 200;

    /** The selected filters, null = any; {@code quarantined}: only quarantined routers. */
    public record Filter(String state, String platform, String group, boolean quarantined) {
        Filter(String state, String platform, String group) {
            this(state, platform, group, false);
        }

        /** The query string of these filters (without {@code all}), for the "show all" link. */
        String query() {
            StringBuilder q = new StringBuilder();
            append(q, "state", state);
            append(q, "platform", platform);
            append(q, "group", group);
            append(q, "quarantined", quarantined ? "1" : null);
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null) {
                q.append(q.isEmpty() ? "" : "&")
                        .append(name)
                        .append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }

        boolean accepts(FleetState s, Target t, boolean isQuarantined) {
            return (state == null || state.equals(s.id()))
                    && (platform == null || platform.equals(t.device().platform()))
                    && (group == null || t.device().groups().contains(group))
                    && (!quarantined || isQuarantined);
        }
    }

    /**
     * @param quarantine the quarantine list (a router is quarantined when an entry covers its name and address, as apply decides)
     * @param source     null on the leader; on a follower whose findings it shows (the leader's, read from the database)
     * @param limit      at most this many rows (problems first), 0 = all
     */
    static FleetView of(
            Collection<Target> targets,
            Map<String, RouterStatus> status,
            DropHistory drops,
            Function<String, String> revisionOf,
            List<Quarantine> quarantine,
            String quarantineError,
            Filter filter,
            boolean wall,
            Instant now,
            String source,
            int limit) {
        DropHistory.Window lastHour = drops.window(now.minus(Duration.ofHours(1))); // one read for the whole page
        NumberFormat nf = NumberFormat.getIntegerInstance(Locale.US);
        Map<FleetState, Integer> counts = new EnumMap<>(FleetState.class);
        TreeSet<String> platforms = new TreeSet<>();
        TreeSet<String> groups = new TreeSet<>();
        List<Ranked> matching = new ArrayList<>();
        int quarantinedCount = 0;
        for (Target t : targets) {
            RouterStatus s = status.get(t.name());
            FleetState state = FleetState.of(s);
            counts.merge(state, 1, Integer::sum);
            platforms.add(t.device().platform());
            groups.addAll(t.device().groups());
            Quarantine q = quarantineOf(t, quarantine);
            if (q != null) {
                quarantinedCount++;
            }
            if (filter.accepts(state, t, q != null)) {
                matching.add(new Ranked(rank(state, q != null), matching.size(), t, s, state, q));
            }
        }
        // stable: inventory order within a rank; only the listed rows are formatted
        matching.sort(java.util.Comparator.comparingInt(Ranked::rank).thenComparingInt(Ranked::order));
        int shown = limit <= 0 ? matching.size() : Math.min(limit, matching.size());
        List<Row> rows = new ArrayList<>(shown);
        for (Ranked m : matching.subList(0, shown)) {
            Target t = m.target();
            RouterStatus s = m.status();
            FleetState state = m.state();
            Quarantine q = m.quarantine();
            String dropped = lastHour.dropped(t.name()).map(nf::format).orElse("—");
            String hint = lastHour.noEnforcementObserved(t.name()) ? "no enforcement observed" : "";
            rows.add(new Row(
                    t.name(),
                    RouterPage.href(t.name()),
                    t.device().platform(),
                    String.join(", ", t.device().groups()),
                    state.id(),
                    state.text(),
                    state.symbol(),
                    revisionOf.apply(t.name()),
                    s == null ? "never" : Ago.since(s.lastCheck(), now),
                    s == null ? "" : Ago.iso(s.lastCheck()),
                    dropped,
                    hint,
                    q != null,
                    q == null ? "" : describe(q)));
        }
        List<StateCount> c = new ArrayList<>();
        for (FleetState f : FleetState.values()) {
            c.add(new StateCount(f.id(), f.text(), f.symbol(), counts.getOrDefault(f, 0), "/?state=" + f.id()));
        }
        List<String> states =
                java.util.Arrays.stream(FleetState.values()).map(FleetState::id).toList();
        String query = filter.query() + (wall ? (filter.query().isEmpty() ? "" : "&") + "wall=1" : "");
        return new FleetView(
                rows,
                c,
                targets.size(),
                matching.size(),
                shown < matching.size() ? "/?" + query + (query.isEmpty() ? "" : "&") + "all=1" : null,
                quarantinedCount,
                quarantineError,
                filter,
                states,
                List.copyOf(platforms),
                List.copyOf(groups),
                wall,
                Ago.utc(now),
                null,
                source);
    }

    static FleetView unavailable(String note, boolean wall, Instant now) {
        return new FleetView(
                List.of(),
                List.of(),
                0,
                0,
                null,
                0,
                null,
                new Filter(null, null, null),
                List.of(),
                List.of(),
                List.of(),
                wall,
                Ago.utc(now),
                note,
                null);
    }

    private record Ranked(
            int rank, int order, Target target, RouterStatus status, FleetState state, Quarantine quarantine) {}

    /** Where a router's row goes: what needs someone first; a quarantined router next to the unreachable ones. */
    static int rank(FleetState state, boolean quarantined) {
        int rank =
                switch (state) {
                    case DRIFTED -> 0;
                    case UNREACHABLE -> 1;
                    case PENDING -> 2;
                    case UNCHECKED -> 3;
                    case IN_POLICY -> 4;
                };
        return quarantined ? Math.min(rank, 1) : rank;
    }

    /** The entry that makes apply skip {@code t}, or null. */
    static Quarantine quarantineOf(Target t, List<Quarantine> quarantine) {
        String key = RouterLocks.key(t.device());
        return quarantine.stream()
                .filter(q -> q.covers(t.name(), key))
                .findFirst()
                .orElse(null);
    }

    /** The tooltip of the fleet page's quarantine badge: since when, which run and actor left the router in which state, why. */
    static String describe(Quarantine q) {
        return "quarantined since " + Ago.utc(q.since()) + " by run " + q.runId() + " (" + q.actor() + "), left "
                + q.state() + ": " + q.reason();
    }
}
