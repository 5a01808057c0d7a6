package io.portcullis.verify;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Filter;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Term;
import java.math.BigInteger;
import java.util.List;

/**
 * A filter flattened into arrays so the proof can classify thousands of packets per device in
 * microseconds. Semantics (the IR's): first matching term decides; fields AND-ed, list entries
 * OR-ed, an empty list matches anything; port conditions match only TCP/UDP; {@code eitherPorts}
 * matches when the source OR the destination port is in range; no match → default action.
 */
public final class CompiledFilter {
    private final Filter filter;
    private final CompiledTerm[] terms;

    private CompiledFilter(Filter filter) {
        this.filter = filter;
        this.terms = filter.terms().stream()
                .map(t -> new CompiledTerm(t, filter.family()))
                .toArray(CompiledTerm[]::new);
    }

    public static CompiledFilter of(Filter filter) {
        return new CompiledFilter(filter);
    }

    public Filter filter() {
        return filter;
    }

    /** Index of the deciding term, or -1 when no term matches (the default action decides). */
    public int decide(int protocol, int sourcePort, int destinationPort, BigInteger source, BigInteger destination) {
        for (int i = 0; i < terms.length; i++) {
            if (terms[i].matches(protocol, sourcePort, destinationPort, source, destination)) {
                return i;
            }
        }
        return -1;
    }

    public Verdict verdict(int decidingTerm) {
        if (decidingTerm < 0) {
            return Verdict.byDefault(filter.name(), filter.defaultAction());
        }
        Term t = filter.terms().get(decidingTerm);
        return Verdict.byTerm(filter.name(), t.name(), t.action());
    }

    public boolean forwards(int decidingTerm) {
        return decidingTerm < 0 ? filter.defaultAction().forwards() : terms[decidingTerm].forwards;
    }

    public Verdict evaluate(Packet p) {
        return verdict(decide(
                p.protocol().number(), p.sourcePort(), p.destinationPort(), p.sourceAddress(), p.destinationAddress()));
    }

    private static final class CompiledTerm {
        final int protocol;
        final boolean needsPorts;
        final int[] dst;
        final int[] src;
        final int[] either;
        final BigInteger[] dstPrefixes;
        final BigInteger[] srcPrefixes;
        final boolean forwards;

        CompiledTerm(Term t, AddressFamily family) {
            Match m = t.match();
            protocol = m.protocol().number();
            needsPorts = m.hasPortConditions();
            dst = ranges(m.destinationPorts());
            src = ranges(m.sourcePorts());
            either = ranges(m.eitherPorts());
            dstPrefixes = prefixes(m.destinationPrefixes(), family);
            srcPrefixes = prefixes(m.sourcePrefixes(), family);
            forwards = t.action().forwards();
        }

        boolean matches(int proto, int sport, int dport, BigInteger source, BigInteger destination) {
            if (protocol >= 0 && protocol != proto) {
                return false;
            }
            if (needsPorts) {
                if (proto != 6 && proto != 17) {
                    return false;
                }
                if (dst != null && !in(dst, dport)) {
                    return false;
                }
                if (src != null && !in(src, sport)) {
                    return false;
                }
                if (either != null && !in(either, sport) && !in(either, dport)) {
                    return false;
                }
            }
            if (dstPrefixes != null && !in(dstPrefixes, destination)) {
                return false;
            }
            return srcPrefixes == null || in(srcPrefixes, source);
        }

        private static int[] ranges(List<PortRange> list) {
            if (list.isEmpty()) {
                return null;
            }
            int[] out = new int[list.size() * 2];
            for (int i = 0; i < list.size(); i++) {
                out[2 * i] = list.get(i).from();
                out[2 * i + 1] = list.get(i).to();
            }
            return out;
        }

        /** A condition with no prefix of this family can never match a packet of this family. */
        private static BigInteger[] prefixes(List<IpPrefix> list, AddressFamily family) {
            if (list.isEmpty()) {
                return null;
            }
            return list.stream()
                    .filter(p -> p.family() == family)
                    .flatMap(p -> java.util.stream.Stream.of(p.first(), p.last()))
                    .toArray(BigInteger[]::new);
        }

        private static boolean in(int[] ranges, int port) {
            for (int i = 0; i < ranges.length; i += 2) {
                if (port >= ranges[i] && port <= ranges[i + 1]) {
                    return true;
                }
            }
            return false;
        }

        private static boolean in(BigInteger[] ranges, BigInteger address) {
            for (int i = 0; i < ranges.length; i += 2) {
                if (address.compareTo(ranges[i]) >= 0 && address.compareTo(ranges[i + 1]) <= 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
