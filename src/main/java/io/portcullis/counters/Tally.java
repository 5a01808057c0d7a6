package io.portcullis.counters;

import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Term;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums a platform's per-entry (and per-instance) counters into the owned terms they belong to, then lists
 * every owned term in filter order. A term nothing was added to has null packets and a note saying why.
 */
public final class Tally {
    private final FilterIntent owned;
    private final Map<String, long[]> sums = new LinkedHashMap<>(); // "filter\0term" → {packets, bytes, bytesSeen}

    public Tally(FilterIntent owned) {
        this.owned = owned;
    }

    public boolean owns(String filter) {
        return owned.filter(filter).isPresent();
    }

    /**
     * The term an entry with platform key {@code key} belongs to: the last term whose sequence is at most
     * {@code key}. Renderers number a term's entries from its sequence upward (OpenConfig 20, 21, …; VRP
     * rule IDs; SR OS entry-id), so this is how their readers group them too. Null when before the first term.
     */
    public Term termAtOrBefore(String filter, long key) {
        Term found = null;
        for (Term t : owned.filter(filter).map(Filter::terms).orElse(List.of())) {
            if (t.sequence() <= key && (found == null || t.sequence() >= found.sequence())) {
                found = t;
            }
        }
        return found;
    }

    /** The term with this name; platforms that split a term into entries name them {@code term#2}, {@code term#3}. */
    public Term termNamed(String filter, String entryName) {
        String base = entryName;
        int hash = base.indexOf('#');
        if (hash > 0) {
            base = base.substring(0, hash);
        }
        for (Term t : owned.filter(filter).map(Filter::terms).orElse(List.of())) {
            if (t.name().equals(base)) {
                return t;
            }
        }
        return null;
    }

    /** The term whose counter name is this (Junos {@code count}). */
    public Term termCounting(String filter, String counterName) {
        for (Term t : owned.filter(filter).map(Filter::terms).orElse(List.of())) {
            if (counterName.equals(t.counter())) {
                return t;
            }
        }
        return null;
    }

    /** Adds an entry's counters to its term; {@code bytes} null when the platform counts packets only. */
    public void add(String filter, Term term, Long packets, Long bytes) {
        if (term == null || packets == null) {
            return;
        }
        long[] s = sums.computeIfAbsent(filter + '\0' + term.name(), k -> new long[3]);
        s[0] += packets;
        if (bytes != null) {
            s[1] += bytes;
            s[2] = 1;
        }
    }

    /** Every owned term in order; {@code missingNote} says why a term without any counter has none. */
    public List<TermCount> terms(java.util.function.Function<Term, String> missingNote) {
        List<TermCount> out = new ArrayList<>();
        for (Filter f : owned.filters()) {
            for (Term t : f.terms()) {
                long[] s = sums.get(f.name() + '\0' + t.name());
                if (s == null) {
                    out.add(new TermCount(
                            f.name(), f.family(), t.name(), t.action(), null, null, missingNote.apply(t)));
                } else {
                    out.add(new TermCount(
                            f.name(), f.family(), t.name(), t.action(), s[0], s[2] == 1 ? s[1] : null, null));
                }
            }
        }
        return out;
    }

    /**
     * Whether the owned filter is bound toward the subscriber (egress on the access side): from the intent's
     * bindings, else from the compiler's naming ({@code -IN-} marks filters bound from subscribers).
     */
    public boolean towardSubscriber(String filter) {
        for (io.portcullis.intent.Binding b : owned.bindings()) {
            if (b.filterName().equals(filter)) {
                return b.direction() == io.portcullis.intent.Direction.TO_SUBSCRIBER;
            }
        }
        return !filter.contains("-IN-");
    }

    /** True when no owned term got a number: the reply held nothing of ours. */
    public boolean empty() {
        return sums.isEmpty();
    }
}
