package io.portcullis.platform.sros;

import io.portcullis.intent.Action;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Term;
import io.portcullis.platform.AttachSlots;
import io.portcullis.platform.BindingOrder;
import io.portcullis.platform.ChainRefusedException;
import io.portcullis.platform.Chaining;
import io.portcullis.platform.ReadResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * SR OS chaining by embedding (vendor-acl-reference section 3, "Binding"): when an sla-profile's
 * egress ip-filter/ipv6-filter is the operator's, our drop entries become an owned {@code scope
 * embedded} filter ({@code NAME-EMB}, no catch-all accept, no default-action) and the operator's
 * filter gets one owned {@code embed/filter[name offset]} entry at an entry-id range it leaves free.
 * The operator's entries, default-action and the sla-profile reference are never touched.
 */
public final class SrosChaining implements Chaining {
    static final String EMBEDDED_SUFFIX = "-EMB";
    private static final int NAME_MAX = 64;

    @Override
    public FilterIntent chain(FilterIntent wanted, ReadResult seen) {
        Map<String, Filter> filters = new LinkedHashMap<>();
        wanted.filters().forEach(f -> filters.put(f.name(), f));
        List<Binding> bindings = new ArrayList<>();
        List<String> stillDirect = new ArrayList<>();
        Map<String, Filter> embeddedForms = new LinkedHashMap<>();
        for (Binding b : wanted.bindings()) {
            Optional<Binding> host = seen.foreignBindings().stream()
                    .filter(f -> AttachSlots.sameSlot(f, b))
                    .findFirst();
            if (host.isEmpty()) {
                bindings.add(b);
                stillDirect.add(b.filterName());
                continue;
            }
            String hostName = host.get().filterName();
            String where = "sla-profile " + b.point() + " (" + b.family().id() + ")";
            if (b.kind() != AttachKind.PROFILE || b.direction() != Direction.TO_SUBSCRIBER) {
                throw refuse("foreign filter " + hostName + " is bound at " + where + " "
                        + (b.direction() == Direction.TO_SUBSCRIBER ? "toward" : "from")
                        + " subscribers; Portcullis chains only into sla-profile egress filters");
            }
            Filter hostFilter = seen.foreignFilter(hostName)
                    .orElseThrow(
                            () -> refuse(
                                    "foreign filter " + hostName + " bound at " + where
                                            + " could not be read, so Portcullis cannot choose an offset or prove the result; chaining refused"));
            Filter ours = filters.get(b.filterName());
            Filter embedded = embeddedForms.computeIfAbsent(b.filterName(), n -> embeddedForm(ours, hostName));
            long offset = offset(hostFilter, embedded, seen);
            Binding embed = new Binding(
                    AttachKind.EMBED,
                    new SrosEmbed(hostName, offset).point(),
                    b.family(),
                    Direction.TO_SUBSCRIBER,
                    embedded.name());
            if (!bindings.contains(embed)) {
                bindings.add(embed);
            }
        }
        List<Filter> out = new ArrayList<>();
        for (Filter f : filters.values()) {
            Filter e = embeddedForms.get(f.name());
            if (e == null || stillDirect.contains(f.name())) {
                out.add(f);
            }
            if (e != null) {
                out.add(e);
            }
        }
        return new FilterIntent(wanted.device(), wanted.platform(), out, BindingOrder.canonical(out, bindings));
    }

    /** Our filter without its final catch-all accept; it must hold nothing but drop entries (an accept would skip the operator's later entries). */
    private static Filter embeddedForm(Filter f, String host) {
        String name = f.name() + EMBEDDED_SUFFIX;
        if (name.length() > NAME_MAX) {
            throw refuse("filter name " + name + " for embedding into " + host + " is longer than " + NAME_MAX
                    + " characters");
        }
        List<Term> terms = new ArrayList<>(f.terms());
        if (terms.isEmpty() || !terms.get(terms.size() - 1).isFinalAcceptAll()) {
            throw refuse("filter " + f.name()
                    + " does not end in a catch-all accept, so it cannot become an embedded filter in " + host
                    + " (what it drops after its last entry would be lost)");
        }
        terms.remove(terms.size() - 1);
        for (Term t : terms) {
            if (t.action() != Action.DISCARD) {
                throw refuse("term " + t.name() + " of filter " + f.name() + " is an "
                        + t.action().name().toLowerCase(java.util.Locale.ROOT)
                        + " (e.g. an exemption); an embedded filter in " + host
                        + " holds only drop entries, since an accept would skip the"
                        + " operator's later entries");
            }
        }
        if (terms.isEmpty()) {
            throw refuse("filter " + f.name() + " has no drop entries to embed into " + host);
        }
        return new Filter(name, f.family(), terms, Action.ACCEPT, f.description());
    }

    /**
     * The offset of our entries in the host: the one already in use when its range is still free,
     * else the lowest offset whose range [first+offset, last+offset] holds no entry-id of the host
     * or of filters already embedded in it (so our entries come as early as the operator allows).
     */
    private static long offset(Filter host, Filter embedded, ReadResult seen) {
        TreeSet<Long> taken = new TreeSet<>();
        host.terms().forEach(t -> taken.add((long) t.sequence()));
        Optional<Long> current = Optional.empty();
        List<Binding> embeds = new ArrayList<>(seen.intent().bindings());
        embeds.addAll(seen.foreignBindings());
        for (Binding b : embeds) {
            if (b.kind() != AttachKind.EMBED
                    || b.family() != host.family()
                    || !SrosEmbed.parse(b.point()).host().equals(host.name())) {
                continue;
            }
            long off = SrosEmbed.parse(b.point()).offset();
            if (b.filterName().equals(embedded.name())) {
                current = Optional.of(off);
                continue;
            }
            Optional<Filter> other = seen.intent().filter(b.filterName()).or(() -> seen.foreignFilter(b.filterName()));
            if (other.isEmpty()) {
                throw refuse("filter " + b.filterName() + " embedded in " + host.name()
                        + " could not be read, so no free entry-id range" + " can be chosen; chaining refused");
            }
            other.get().terms().forEach(t -> taken.add(t.sequence() + off));
        }
        long first = embedded.terms().stream().mapToLong(Term::sequence).min().orElse(0);
        long last = embedded.terms().stream().mapToLong(Term::sequence).max().orElse(0);
        if (current.isPresent() && fits(taken, first + current.get(), last + current.get())) {
            return current.get();
        }
        List<Long> starts = new ArrayList<>();
        starts.add(first);
        taken.forEach(id -> starts.add(id + 1));
        for (long start : starts) {
            long offset = start - first;
            if (offset >= 0 && offset <= SrosEmbed.OFFSET_MAX && fits(taken, start, last + offset)) {
                return offset;
            }
        }
        throw refuse("foreign filter " + host.name() + " leaves no free entry-id range of " + (last - first + 1)
                + " ids for the " + embedded.terms().size()
                + " embedded entries; free a range of entry-ids in it, or bind a Portcullis filter yourself");
    }

    private static boolean fits(TreeSet<Long> taken, long from, long to) {
        if (from < 1 || to > SrosFacts.ENTRY_ID_MAX) {
            return false;
        }
        Long next = taken.ceiling(from);
        return next == null || next > to;
    }

    @Override
    public FilterIntent effective(FilterIntent owned, ReadResult seen) {
        List<Filter> filters = new ArrayList<>(owned.filters());
        List<Binding> bindings = new ArrayList<>();
        for (Binding b : owned.bindings()) {
            if (b.kind() != AttachKind.EMBED) {
                bindings.add(b);
            }
        }
        for (Binding host : seen.foreignBindings()) {
            if (host.kind() == AttachKind.EMBED) {
                continue;
            }
            bindings.add(host);
            Optional<Filter> f = seen.foreignFilter(host.filterName());
            if (f.isPresent() && filters.stream().noneMatch(x -> x.name().equals(host.filterName()))) {
                filters.add(merged(f.get(), owned, seen));
            }
        }
        return new FilterIntent(owned.device(), owned.platform(), filters, bindings);
    }

    /** The host as SR OS evaluates it: its entries and every embedded filter's at entry-id + offset, in id order. */
    private static Filter merged(Filter host, FilterIntent owned, ReadResult seen) {
        List<Term> terms = new ArrayList<>(host.terms());
        List<Binding> embeds = new ArrayList<>(owned.bindings());
        embeds.addAll(seen.foreignBindings());
        for (Binding b : embeds) {
            if (b.kind() != AttachKind.EMBED || b.family() != host.family()) {
                continue;
            }
            SrosEmbed e = SrosEmbed.parse(b.point());
            if (!e.host().equals(host.name())) {
                continue;
            }
            Optional<Filter> embedded = owned.filter(b.filterName()).or(() -> seen.foreignFilter(b.filterName()));
            embedded.ifPresent(f -> f.terms()
                    .forEach(t -> terms.add(new Term(
                            f.name() + ":" + t.name(),
                            (int) Math.min(Integer.MAX_VALUE, t.sequence() + e.offset()),
                            t.match(),
                            t.action(),
                            t.counter(),
                            t.log(),
                            t.description()))));
        }
        terms.sort(Comparator.comparingInt(Term::sequence));
        return new Filter(host.name(), host.family(), terms, host.defaultAction(), host.description());
    }

    private static ChainRefusedException refuse(String sentence) {
        return new ChainRefusedException(sentence);
    }
}
