package io.portcullis.verify;

import io.portcullis.intent.Binding;
import io.portcullis.intent.BlockedFlow;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Promise;
import io.portcullis.intent.Term;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * A deliberately naive second implementation of the IR's semantics, written straight from the
 * record definitions without sharing code with the verifier, so the two can check each other.
 */
final class BruteForce {
    private BruteForce() {}

    static Fate expected(Promise promise, Packet p) {
        for (BlockedFlow f : promise.blocked()) {
            if (f.family() != p.family() || f.direction() != p.direction()) {
                continue;
            }
            if (!f.protocol().isAny() && f.protocol().number() != p.protocol().number()) {
                continue;
            }
            if (!f.destinationPorts().isEmpty()
                    && (!p.protocol().hasPorts() || !anyPort(f.destinationPorts(), p.destinationPort()))) {
                continue;
            }
            if (anyPrefix(f.exemptDestinations(), p, p.destinationAddress())) {
                continue;
            }
            return Fate.DROPPED;
        }
        return Fate.FORWARDED;
    }

    /** Fate and "filter/term" (or null when no term decided) of the intent for a packet. */
    record Outcome(Fate fate, String decidingTerm) {}

    static Outcome actual(FilterIntent intent, Packet p) {
        List<String> names = new java.util.ArrayList<>();
        for (Binding b : intent.bindings()) {
            if (b.kind() == p.attachPoint().kind()
                    && b.point().equals(p.attachPoint().name())
                    && b.family() == p.family()
                    && b.direction() == p.direction()
                    && !names.contains(b.filterName())) {
                names.add(b.filterName());
            }
        }
        Outcome last = new Outcome(Fate.FORWARDED, null);
        for (String name : names) {
            Optional<Filter> filter = intent.filter(name);
            if (filter.isEmpty()) {
                last = new Outcome(Fate.FORWARDED, null);
                continue;
            }
            last = evaluate(filter.get(), p);
            if (last.fate() == Fate.DROPPED) {
                return last;
            }
        }
        return last;
    }

    static Outcome evaluate(Filter f, Packet p) {
        for (Term t : f.terms()) {
            if (matches(t.match(), p)) {
                return new Outcome(t.action().forwards() ? Fate.FORWARDED : Fate.DROPPED, f.name() + "/" + t.name());
            }
        }
        return new Outcome(f.defaultAction().forwards() ? Fate.FORWARDED : Fate.DROPPED, null);
    }

    static boolean matches(Match m, Packet p) {
        if (!m.protocol().isAny() && m.protocol().number() != p.protocol().number()) {
            return false;
        }
        boolean portsPresent = !m.destinationPorts().isEmpty()
                || !m.sourcePorts().isEmpty()
                || !m.eitherPorts().isEmpty();
        if (portsPresent && !(p.protocol().number() == 6 || p.protocol().number() == 17)) {
            return false;
        }
        if (!m.destinationPorts().isEmpty() && !anyPort(m.destinationPorts(), p.destinationPort())) {
            return false;
        }
        if (!m.sourcePorts().isEmpty() && !anyPort(m.sourcePorts(), p.sourcePort())) {
            return false;
        }
        if (!m.eitherPorts().isEmpty()
                && !anyPort(m.eitherPorts(), p.sourcePort())
                && !anyPort(m.eitherPorts(), p.destinationPort())) {
            return false;
        }
        if (!m.destinationPrefixes().isEmpty() && !anyPrefix(m.destinationPrefixes(), p, p.destinationAddress())) {
            return false;
        }
        return m.sourcePrefixes().isEmpty() || anyPrefix(m.sourcePrefixes(), p, p.sourceAddress());
    }

    private static boolean anyPort(List<PortRange> ranges, int port) {
        for (PortRange r : ranges) {
            if (r.contains(port)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyPrefix(List<IpPrefix> prefixes, Packet p, BigInteger address) {
        for (IpPrefix x : prefixes) {
            if (x.contains(p.family(), address)) {
                return true;
            }
        }
        return false;
    }
}
