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
 * @param quarantined     how many routers of the fleet apply skips until they are released (issue 13 item 3)
 * @param quarantineError null, or why the quarantine list cannot be read now (rows then show no quarantine)
 */
public record FleetView(
        List<Row> rows,
        List<StateCount> counts,
        int total,
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

    /** The selected filters, null = any; {@code quarantined}: only quarantined routers. */
    public record Filter(String state, String platform, String group, boolean quarantined) {
        Filter(String state, String platform, String group) {
            this(state, platform, group, false);
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
            String source) {
        DropHistory.Window lastHour = drops.window(now.minus(Duration.ofHours(1))); // one read for the whole page
        NumberFormat nf = NumberFormat.getIntegerInstance(Locale.US);
        Map<FleetState, Integer> counts = new EnumMap<>(FleetState.class);
        TreeSet<String> platforms = new TreeSet<>();
        TreeSet<String> groups = new TreeSet<>();
        List<Row> rows = new ArrayList<>();
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
            if (!filter.accepts(state, t, q != null)) {
                continue;
            }
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
        return new FleetView(
                rows,
                c,
                targets.size(),
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
                new Filter(null, null, null),
                List.of(),
                List.of(),
                List.of(),
                wall,
                Ago.utc(now),
                note,
                null);
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
