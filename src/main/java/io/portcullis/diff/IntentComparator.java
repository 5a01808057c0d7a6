package io.portcullis.diff;

import io.portcullis.intent.Binding;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.FilterStamp;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Term;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares the owned configuration the policy wants with what a router holds, both as IR. The
 * platform readers already normalised prefixes, defaults, config-false data and foreign config
 * away, so this works on meaning only: filters by name, terms by name (their content and their
 * order, since first match wins), bindings as a set.
 */
public final class IntentComparator {
    private IntentComparator() {}

    public static IntentDiff compare(FilterIntent intended, FilterIntent actual) {
        List<Change> changes = new ArrayList<>();
        Map<String, Filter> want = byName(intended.filters());
        Map<String, Filter> have = byName(actual.filters());
        for (Filter w : want.values()) {
            Filter h = have.get(w.name());
            if (h == null) {
                changes.add(new Change(
                        ChangeKind.FILTER_MISSING,
                        w.name(),
                        null,
                        null,
                        w.terms().size() + " terms"));
            } else {
                compareFilter(w, h, changes);
            }
        }
        for (Filter h : have.values()) {
            if (!want.containsKey(h.name())) {
                changes.add(new Change(
                        ChangeKind.FILTER_EXTRA, h.name(), null, null, h.terms().size() + " terms"));
            }
        }
        Set<Binding> wantB = new LinkedHashSet<>(sorted(intended.bindings()));
        Set<Binding> haveB = new LinkedHashSet<>(sorted(actual.bindings()));
        for (Binding b : wantB) {
            if (!haveB.contains(b)) {
                changes.add(new Change(ChangeKind.BINDING_MISSING, b.filterName(), null, b, null));
            }
        }
        for (Binding b : haveB) {
            if (!wantB.contains(b)) {
                changes.add(new Change(ChangeKind.BINDING_EXTRA, b.filterName(), null, b, null));
            }
        }
        return new IntentDiff(changes);
    }

    private static void compareFilter(Filter w, Filter h, List<Change> changes) {
        if (w.family() != h.family()) {
            changes.add(new Change(
                    ChangeKind.FILTER_CHANGED,
                    w.name(),
                    null,
                    null,
                    "family " + h.family().id() + " → " + w.family().id()));
        }
        if (w.defaultAction() != h.defaultAction()) {
            changes.add(new Change(
                    ChangeKind.FILTER_CHANGED,
                    w.name(),
                    null,
                    null,
                    "unmatched packets " + h.defaultAction().name().toLowerCase() + " → "
                            + w.defaultAction().name().toLowerCase()));
        }
        if (!Objects.equals(blankToNull(w.description()), blankToNull(h.description()))) {
            changes.add(new Change(
                    ChangeKind.FILTER_CHANGED,
                    w.name(),
                    null,
                    null,
                    descriptionChange(w.description(), h.description())));
        }
        Map<String, Term> wt = termsByName(w.terms());
        Map<String, Term> ht = termsByName(h.terms());
        for (Term t : wt.values()) {
            Term o = ht.get(t.name());
            if (o == null) {
                changes.add(new Change(ChangeKind.TERM_MISSING, w.name(), t.name(), null, summary(t)));
            } else {
                String what = termDifference(t, o);
                if (what != null) {
                    changes.add(new Change(ChangeKind.TERM_CHANGED, w.name(), t.name(), null, what));
                }
            }
        }
        for (Term o : ht.values()) {
            if (!wt.containsKey(o.name())) {
                changes.add(new Change(ChangeKind.TERM_EXTRA, w.name(), o.name(), null, summary(o)));
            }
        }
        List<String> wantOrder =
                w.terms().stream().map(Term::name).filter(ht::containsKey).toList();
        List<String> haveOrder =
                h.terms().stream().map(Term::name).filter(wt::containsKey).toList();
        if (!wantOrder.equals(haveOrder)) {
            changes.add(new Change(
                    ChangeKind.TERMS_REORDERED,
                    w.name(),
                    null,
                    null,
                    "router order " + String.join(", ", haveOrder) + "; policy order " + String.join(", ", wantOrder)));
        }
    }

    /**
     * "policy digest sha256:a → sha256:b" when the policy stamp differs ("none" for a description without one,
     * e.g. written by an older Portcullis), else just "description".
     */
    static String descriptionChange(String want, String have) {
        Optional<String> w = FilterStamp.digestOf(want);
        Optional<String> h = FilterStamp.digestOf(have);
        if (w.equals(h)) {
            return "description";
        }
        return "policy digest " + h.orElse("none") + " → " + w.orElse("none");
    }

    /** What differs between two terms of the same name, "device → policy", or null when equal. */
    static String termDifference(Term want, Term have) {
        List<String> parts = new ArrayList<>();
        if (want.action() != have.action()) {
            parts.add("action " + have.action().name().toLowerCase() + " → "
                    + want.action().name().toLowerCase());
        }
        Match a = want.match();
        Match b = have.match();
        if (!a.protocol().equals(b.protocol())) {
            parts.add("protocol " + b.protocol() + " → " + a.protocol());
        }
        field(parts, "destination ports", ports(b.destinationPorts()), ports(a.destinationPorts()));
        field(parts, "source ports", ports(b.sourcePorts()), ports(a.sourcePorts()));
        field(parts, "ports (either direction)", ports(b.eitherPorts()), ports(a.eitherPorts()));
        field(parts, "destination prefixes", prefixes(b.destinationPrefixes()), prefixes(a.destinationPrefixes()));
        field(parts, "source prefixes", prefixes(b.sourcePrefixes()), prefixes(a.sourcePrefixes()));
        if (want.sequence() != have.sequence()) {
            parts.add("sequence " + have.sequence() + " → " + want.sequence());
        }
        if (!Objects.equals(want.counter(), have.counter())) {
            parts.add("counter " + have.counter() + " → " + want.counter());
        }
        if (want.log() != have.log()) {
            parts.add("log " + have.log() + " → " + want.log());
        }
        if (!Objects.equals(blankToNull(want.description()), blankToNull(have.description()))) {
            parts.add("description");
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static void field(List<String> parts, String name, String have, String want) {
        if (!have.equals(want)) {
            parts.add(name + " " + have + " → " + want);
        }
    }

    // Port and prefix lists are OR-ed sets: compare them sorted so a reader's ordering does not count.
    private static String ports(List<PortRange> p) {
        return p.isEmpty()
                ? "any"
                : p.stream().sorted().map(PortRange::toString).distinct().collect(Collectors.joining(","));
    }

    private static String prefixes(List<io.portcullis.intent.IpPrefix> p) {
        return p.isEmpty()
                ? "any"
                : p.stream().map(Object::toString).sorted().distinct().collect(Collectors.joining(","));
    }

    static String summary(Term t) {
        Match m = t.match();
        StringBuilder sb =
                new StringBuilder(t.action().name().toLowerCase()).append(' ').append(m.protocol());
        if (!m.destinationPorts().isEmpty()) {
            sb.append(" dst-port ").append(ports(m.destinationPorts()));
        }
        if (!m.eitherPorts().isEmpty()) {
            sb.append(" port ").append(ports(m.eitherPorts()));
        }
        if (!m.sourcePorts().isEmpty()) {
            sb.append(" src-port ").append(ports(m.sourcePorts()));
        }
        if (!m.destinationPrefixes().isEmpty()) {
            sb.append(" dst ").append(prefixes(m.destinationPrefixes()));
        }
        return sb.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, Filter> byName(List<Filter> filters) {
        Map<String, Filter> m = new LinkedHashMap<>();
        filters.forEach(f -> m.put(f.name(), f));
        return m;
    }

    private static Map<String, Term> termsByName(List<Term> terms) {
        Map<String, Term> m = new LinkedHashMap<>();
        terms.forEach(t -> m.put(t.name(), t));
        return m;
    }

    private static List<Binding> sorted(List<Binding> bindings) {
        return bindings.stream()
                .sorted(Comparator.comparing(Binding::point)
                        .thenComparing(Binding::kind)
                        .thenComparing(Binding::family)
                        .thenComparing(Binding::direction)
                        .thenComparing(Binding::filterName))
                .toList();
    }
}
