package io.portcullis.verify;

import io.portcullis.intent.Action;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random semantic edits of an intent, the kind a bad renderer, reader or operator makes. */
final class Mutations {
    private Mutations() {}

    static FilterIntent mutate(FilterIntent intent, Random r) {
        int kind = r.nextInt(11);
        if (kind == 0 && !intent.bindings().isEmpty()) {
            List<Binding> b = new ArrayList<>(intent.bindings());
            b.remove(r.nextInt(b.size()));
            return new FilterIntent(intent.device(), intent.platform(), intent.filters(), b);
        }
        List<Filter> filters = new ArrayList<>(intent.filters());
        int fi = r.nextInt(filters.size());
        Filter f = filters.get(fi);
        List<Term> terms = new ArrayList<>(f.terms());
        Action def = f.defaultAction();
        int ti = r.nextInt(terms.size());
        Term t = terms.get(ti);
        Match m = t.match();
        switch (kind) {
            case 1 -> terms.remove(ti);
            case 2 -> {
                if (ti + 1 < terms.size()) {
                    terms.set(ti, terms.get(ti + 1));
                    terms.set(ti + 1, t);
                }
            }
            case 3 -> terms.set(ti, with(t, t.action() == Action.ACCEPT ? Action.DISCARD : Action.ACCEPT, m));
            case 4 ->
                terms.set(
                        ti,
                        with(
                                t,
                                t.action(),
                                new Match(
                                        m.protocol() == Protocol.TCP ? Protocol.UDP : Protocol.TCP,
                                        m.destinationPorts(),
                                        m.sourcePorts(),
                                        m.eitherPorts(),
                                        m.destinationPrefixes(),
                                        m.sourcePrefixes())));
            case 5 ->
                terms.set(
                        ti,
                        with(
                                t,
                                t.action(),
                                new Match(
                                        m.protocol(),
                                        List.of(),
                                        m.sourcePorts(),
                                        m.destinationPorts(),
                                        m.destinationPrefixes(),
                                        m.sourcePrefixes())));
            case 6 -> {
                def = def == Action.ACCEPT ? Action.DISCARD : Action.ACCEPT;
                if (terms.get(terms.size() - 1).isFinalAcceptAll()) {
                    terms.remove(terms.size() - 1);
                }
            }
            case 7 -> {
                if (!m.destinationPorts().isEmpty()) {
                    List<PortRange> ports = new ArrayList<>(m.destinationPorts());
                    PortRange p = ports.remove(r.nextInt(ports.size()));
                    if (r.nextBoolean()) {
                        ports.add(new PortRange(p.from(), Math.min(PortRange.MAX, p.to() + 1 + r.nextInt(3))));
                    } else if (p.from() < p.to()) {
                        ports.add(new PortRange(p.from() + 1, p.to()));
                    }
                    terms.set(
                            ti,
                            with(
                                    t,
                                    t.action(),
                                    ports.isEmpty()
                                            ? Match.ANY
                                            : new Match(
                                                    m.protocol(),
                                                    ports,
                                                    m.sourcePorts(),
                                                    m.eitherPorts(),
                                                    m.destinationPrefixes(),
                                                    m.sourcePrefixes())));
                }
            }
            case 8 -> {
                int from = r.nextInt(65000);
                terms.add(
                        r.nextInt(terms.size() + 1),
                        new Term(
                                "extra",
                                1,
                                Match.destinationPorts(
                                        r.nextBoolean() ? Protocol.TCP : Protocol.UDP,
                                        List.of(new PortRange(from, from + r.nextInt(500)))),
                                r.nextBoolean() ? Action.DISCARD : Action.ACCEPT,
                                null,
                                false,
                                null));
            }
            case 9 -> {
                if (!m.destinationPrefixes().isEmpty()) {
                    List<IpPrefix> ps = new ArrayList<>(m.destinationPrefixes());
                    IpPrefix p = ps.remove(0);
                    int len = Math.max(0, Math.min(p.family().addressBits(), p.length() + (r.nextBoolean() ? 1 : -1)));
                    ps.add(0, new IpPrefix(p.family(), p.network(), len));
                    terms.set(ti, with(t, t.action(), m.withDestinationPrefixes(ps)));
                }
            }
            default ->
                terms.set(
                        ti,
                        with(
                                t,
                                t.action(),
                                new Match(
                                        m.protocol(),
                                        m.destinationPorts(),
                                        List.of(new PortRange(1024, 65535)),
                                        m.eitherPorts(),
                                        m.destinationPrefixes(),
                                        m.sourcePrefixes())));
        }
        filters.set(fi, new Filter(f.name(), f.family(), terms, def, f.description()));
        return new FilterIntent(intent.device(), intent.platform(), filters, intent.bindings());
    }

    private static Term with(Term t, Action a, Match m) {
        return new Term(t.name(), t.sequence(), m, a, t.counter(), t.log(), t.description());
    }
}
