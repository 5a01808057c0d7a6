package io.portcullis.web;

import io.portcullis.api.DropHistory;
import io.portcullis.engine.drift.RouterStatus;
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
 * group), the count per state over the whole fleet, and the choices of the filter form. Built from the drift
 * monitor's statuses and the counter sampling's drop history; nothing here contacts a router or the database.
 */
public record FleetView(List<Row> rows, List<StateCount> counts, int total, Filter filter, List<String> states,
                        List<String> platforms, List<String> groups, boolean wall, String generatedAt, String note, String source) {

    /** One router; {@code dropped} is the packets its drop terms dropped in the last hour ("—" before two samples). */
    public record Row(String router, String href, String platform, String groups, String state, String stateText,
                      String stateSymbol, String revision, String lastCheck, String lastCheckIso, String dropped, String hint) {
    }

    public record StateCount(String state, String text, String symbol, int count, String href) {
    }

    /** The selected filters, null = any. */
    public record Filter(String state, String platform, String group) {
        boolean accepts(FleetState s, Target t) {
            return (state == null || state.equals(s.id())) && (platform == null || platform.equals(t.device().platform()))
                    && (group == null || t.device().groups().contains(group));
        }
    }

    /** @param source null on the leader; on a follower whose findings it shows (the leader's, read from the database) */
    static FleetView of(Collection<Target> targets, Map<String, RouterStatus> status, DropHistory drops,
                        Function<String, String> revisionOf, Filter filter, boolean wall, Instant now, String source) {
        DropHistory.Window lastHour = drops.window(now.minus(Duration.ofHours(1))); // one read for the whole page
        NumberFormat nf = NumberFormat.getIntegerInstance(Locale.US);
        Map<FleetState, Integer> counts = new EnumMap<>(FleetState.class);
        TreeSet<String> platforms = new TreeSet<>();
        TreeSet<String> groups = new TreeSet<>();
        List<Row> rows = new ArrayList<>();
        for (Target t : targets) {
            RouterStatus s = status.get(t.name());
            FleetState state = FleetState.of(s);
            counts.merge(state, 1, Integer::sum);
            platforms.add(t.device().platform());
            groups.addAll(t.device().groups());
            if (!filter.accepts(state, t)) {
                continue;
            }
            String dropped = lastHour.dropped(t.name()).map(nf::format).orElse("—");
            String hint = lastHour.noEnforcementObserved(t.name()) ? "no enforcement observed" : "";
            rows.add(new Row(t.name(), RouterPage.href(t.name()), t.device().platform(), String.join(", ", t.device().groups()),
                    state.id(), state.text(), state.symbol(), revisionOf.apply(t.name()), s == null ? "never" : Ago.since(s.lastCheck(), now),
                    s == null ? "" : Ago.iso(s.lastCheck()), dropped, hint));
        }
        List<StateCount> c = new ArrayList<>();
        for (FleetState f : FleetState.values()) {
            c.add(new StateCount(f.id(), f.text(), f.symbol(), counts.getOrDefault(f, 0), "/?state=" + f.id()));
        }
        List<String> states = java.util.Arrays.stream(FleetState.values()).map(FleetState::id).toList();
        return new FleetView(rows, c, targets.size(), filter, states, List.copyOf(platforms), List.copyOf(groups), wall, Ago.utc(now), null,
                source);
    }

    static FleetView unavailable(String note, boolean wall, Instant now) {
        return new FleetView(List.of(), List.of(), 0, new Filter(null, null, null), List.of(), List.of(), List.of(), wall, Ago.utc(now), note, null);
    }
}
