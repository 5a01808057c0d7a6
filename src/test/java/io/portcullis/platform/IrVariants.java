package io.portcullis.platform;

import io.portcullis.intent.Action;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Term;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Rewrites terms of an IR into shapes the compiler never produces but a device may hold (either-port
 * matches, source ports, source prefixes, REJECT, logging), so round-trip tests cover everything a
 * reader must represent. Each platform test picks the features its platform can express.
 */
public final class IrVariants {
    public enum Feature {
        EITHER_PORTS,
        SOURCE_PORTS,
        SOURCE_PREFIXES,
        REJECT,
        LOG,
        NO_DESCRIPTION
    }

    private IrVariants() {}

    public static FilterIntent vary(FilterIntent in, Random random, List<Feature> features) {
        if (features.isEmpty()) {
            return in;
        }
        List<Filter> filters = new ArrayList<>();
        for (Filter f : in.filters()) {
            List<Term> terms = new ArrayList<>();
            for (Term t : f.terms()) {
                terms.add(
                        random.nextInt(3) == 0 ? vary(t, f, random, features.get(random.nextInt(features.size()))) : t);
            }
            filters.add(new Filter(f.name(), f.family(), terms, f.defaultAction(), f.description()));
        }
        return new FilterIntent(in.device(), in.platform(), filters, in.bindings());
    }

    private static Term vary(Term t, Filter f, Random random, Feature feature) {
        Match m = t.match();
        return switch (feature) {
            case EITHER_PORTS ->
                m.destinationPorts().isEmpty()
                        ? t
                        : with(
                                t,
                                new Match(
                                        m.protocol(),
                                        List.of(),
                                        m.sourcePorts(),
                                        m.destinationPorts(),
                                        m.destinationPrefixes(),
                                        m.sourcePrefixes()));
            case SOURCE_PORTS ->
                m.protocol().hasPorts()
                        ? with(
                                t,
                                new Match(
                                        m.protocol(),
                                        m.destinationPorts(),
                                        List.of(PortRange.single(1 + random.nextInt(65535))),
                                        m.eitherPorts(),
                                        m.destinationPrefixes(),
                                        m.sourcePrefixes()))
                        : t;
            case SOURCE_PREFIXES ->
                with(
                        t,
                        new Match(
                                m.protocol(),
                                m.destinationPorts(),
                                m.sourcePorts(),
                                m.eitherPorts(),
                                m.destinationPrefixes(),
                                List.of(new IpPrefix(
                                        f.family(),
                                        new BigInteger(f.family().addressBits(), random),
                                        8 + random.nextInt(17)))));
            case REJECT ->
                t.action() == Action.DISCARD
                        ? new Term(t.name(), t.sequence(), m, Action.REJECT, t.counter(), t.log(), t.description())
                        : t;
            case LOG -> new Term(t.name(), t.sequence(), m, t.action(), t.counter(), true, t.description());
            case NO_DESCRIPTION -> new Term(t.name(), t.sequence(), m, t.action(), t.counter(), t.log(), null);
        };
    }

    private static Term with(Term t, Match m) {
        return new Term(t.name(), t.sequence(), m, t.action(), t.counter(), t.log(), t.description());
    }
}
