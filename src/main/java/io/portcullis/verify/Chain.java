package io.portcullis.verify;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.FilterIntent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The filters bound at one attach point for one family and direction, in binding order. A packet is
 * forwarded only if every bound filter forwards it (a filter list / embedded filter: any drop is
 * final). No filter bound forwards everything; a bound filter that does not exist is reported by
 * the verifier and treated as forwarding (what a device with a dangling reference does at best).
 */
final class Chain {
    final List<String> names;
    final CompiledFilter[] filters; // null entries: bound but missing
    final int[] lastDecision;

    Chain(List<String> names, Map<String, CompiledFilter> compiled) {
        this.names = List.copyOf(names);
        this.filters = names.stream().map(compiled::get).toArray(CompiledFilter[]::new);
        this.lastDecision = new int[filters.length];
    }

    static List<String> boundNames(FilterIntent intent, AttachPoint point, AddressFamily family, Direction direction) {
        List<String> names = new ArrayList<>();
        for (Binding b : intent.bindings()) {
            if (b.boundAt(point, family, direction) && !names.contains(b.filterName())) {
                names.add(b.filterName());
            }
        }
        return names;
    }

    /** Fast path: true when forwarded; leaves each filter's deciding term in {@link #lastDecision}. */
    boolean forwards(int protocol, int sport, int dport, BigInteger source, BigInteger destination) {
        boolean forwarded = true;
        for (int i = 0; i < filters.length && forwarded; i++) {
            CompiledFilter f = filters[i];
            if (f == null) {
                lastDecision[i] = Integer.MIN_VALUE;
                continue;
            }
            int d = f.decide(protocol, sport, dport, source, destination);
            lastDecision[i] = d;
            forwarded = f.forwards(d);
        }
        return forwarded;
    }

    /** Slow path with the deciding filter and term, for counterexamples and comparisons. */
    Verdict verdict(int protocol, int sport, int dport, BigInteger source, BigInteger destination) {
        if (filters.length == 0) {
            return Verdict.NO_FILTER;
        }
        Verdict last = null;
        for (int i = 0; i < filters.length; i++) {
            CompiledFilter f = filters[i];
            last = f == null
                    ? Verdict.missingFilter(names.get(i))
                    : f.verdict(f.decide(protocol, sport, dport, source, destination));
            if (last.fate() == Fate.DROPPED) {
                return last;
            }
        }
        return last;
    }
}
