package io.portcullis.verify;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Promise;
import io.portcullis.intent.Protocol;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proves a {@link FilterIntent} keeps a {@link Promise} over the whole packet space: protocol ×
 * destination port × source port × family × destination (and source) address region × direction ×
 * attach point, by equivalence classes (see {@link PacketSpace}). For every class it checks the
 * representative packet and both interval ends. Attach points bound to the same filter chain
 * behave identically, so each chain is classified once and the result checked at each point.
 */
public final class Verifier {
    /** Enough counterexamples to act on; the first of each kind is kept. */
    static final int MAX_VIOLATIONS = 50;

    private Verifier() {}

    public static VerificationResult verify(FilterIntent intent, Promise promise) {
        if (promise.attachPoints().isEmpty() && !promise.blocked().isEmpty()) {
            // nothing is bound by Portcullis on this device: prove the filters themselves, as if bound
            return new Run(
                            Unbound.withVirtualBindings(intent),
                            new Promise(promise.blocked(), List.of(Unbound.POINT), promise.families()))
                    .run();
        }
        return new Run(intent, promise).run();
    }

    /** The verdict the intent gives one concrete packet at its attach point. */
    public static Verdict evaluate(FilterIntent intent, Packet p) {
        return Forwarding.of(intent).verdict(p);
    }

    static Map<String, CompiledFilter> compile(FilterIntent intent) {
        Map<String, CompiledFilter> compiled = new LinkedHashMap<>();
        for (Filter f : intent.filters()) {
            compiled.putIfAbsent(f.name(), CompiledFilter.of(f));
        }
        return compiled;
    }

    private static final class Run {
        private final FilterIntent intent;
        private final Promise promise;
        private final Map<String, CompiledFilter> compiled;
        private final Map<String, long[]> termHits =
                new LinkedHashMap<>(); // per term, then [default, classes, dropped]
        private final List<String> obligations = new ArrayList<>();
        private final List<Violation> violations = new ArrayList<>();
        private final Set<String> violationKeys = new HashSet<>();
        private long classes;

        Run(FilterIntent intent, Promise promise) {
            this.intent = intent;
            this.promise = promise;
            this.compiled = compile(intent);
            compiled.forEach(
                    (name, f) -> termHits.put(name, new long[f.filter().terms().size() + 3]));
        }

        VerificationResult run() {
            List<Filter> filters = intent.filters();
            for (AddressFamily family : AddressFamily.values()) {
                PacketSpace space = PacketSpace.of(family, List.of(promise), filters);
                for (Direction direction : Direction.values()) {
                    Expectation expect = new Expectation(promise, family, direction);
                    Map<List<String>, List<AttachPoint>> chains = new LinkedHashMap<>();
                    for (AttachPoint point : promise.attachPoints()) {
                        chains.computeIfAbsent(
                                        Chain.boundNames(intent, point, family, direction), k -> new ArrayList<>())
                                .add(point);
                        addObligations(point, family, direction, expect);
                    }
                    chains.forEach(
                            (names, points) -> prove(space, direction, expect, new Chain(names, compiled), points));
                }
            }
            List<FilterStats> stats = stats();
            if (violations.isEmpty()) {
                return new Proof(intent.device(), obligations, classes, stats);
            }
            return new Disproof(intent.device(), obligations, classes, stats, violations);
        }

        private void addObligations(AttachPoint point, AddressFamily family, Direction direction, Expectation expect) {
            String where = point.name();
            if (direction == Direction.TO_SUBSCRIBER && promise.families().contains(family)) {
                obligations.add(
                        "an " + family.id() + " filter is bound " + Expectation.direction(direction) + " at " + where);
            }
            for (var flow : promise.blocked()) {
                if (flow.family() == family && flow.direction() == direction) {
                    obligations.add(Expectation.describe(flow, where));
                }
            }
            obligations.add(
                    expect.isEmpty()
                            ? "forward every " + family.id() + " packet " + Expectation.direction(direction) + " at "
                                    + where
                            : "forward every other " + family.id() + " packet " + Expectation.direction(direction)
                                    + " at " + where + " (no collateral blocking)");
        }

        private void prove(
                PacketSpace space, Direction direction, Expectation expect, Chain chain, List<AttachPoint> points) {
            for (int i = 0; i < chain.filters.length; i++) {
                if (chain.filters[i] == null) {
                    Packet p = firstPacket(space, direction, expect, points.get(0));
                    for (AttachPoint point : points) {
                        report(
                                "the filter bound " + Expectation.direction(direction) + " at " + point.name()
                                        + " exists",
                                withPoint(p, point),
                                fate(expect, p),
                                Verdict.missingFilter(chain.names.get(i)));
                    }
                }
            }
            PacketSpace.Intervals ports = space.ports;
            PacketSpace.Intervals sports = space.sourcePorts;
            int[] sourceOrder = sports.ephemeralFirst();
            PacketSpace.AddressIntervals dst = space.destinations;
            PacketSpace.AddressIntervals src = space.sources;
            long perChain = 0;
            for (int proto : space.protocols) {
                boolean hasPorts = proto == 6 || proto == 17;
                int nPorts = hasPorts ? ports.size() : 1;
                int nSource = hasPorts ? sports.size() : 1;
                for (int k = 0; k < nSource; k++) {
                    int si = sourceOrder[k];
                    for (int di = 0; di < nPorts; di++) {
                        for (int ai = 0; ai < dst.size(); ai++) {
                            for (int bi = 0; bi < src.size(); bi++) {
                                perChain++;
                                int dRep = hasPorts ? ports.rep[di] : -1;
                                int sRep = hasPorts ? sports.rep[si] : -1;
                                check(
                                        space,
                                        direction,
                                        expect,
                                        chain,
                                        points,
                                        proto,
                                        sRep,
                                        dRep,
                                        src.rep[bi],
                                        dst.rep[ai],
                                        true);
                                if (hasPorts) {
                                    check(
                                            space,
                                            direction,
                                            expect,
                                            chain,
                                            points,
                                            proto,
                                            sports.lo[si],
                                            ports.lo[di],
                                            src.lo[bi],
                                            dst.lo[ai],
                                            false);
                                    check(
                                            space,
                                            direction,
                                            expect,
                                            chain,
                                            points,
                                            proto,
                                            sports.hi[si],
                                            ports.hi[di],
                                            src.hi[bi],
                                            dst.hi[ai],
                                            false);
                                } else if (dst.size() > 1 || src.size() > 1) {
                                    check(
                                            space,
                                            direction,
                                            expect,
                                            chain,
                                            points,
                                            proto,
                                            -1,
                                            -1,
                                            src.lo[bi],
                                            dst.lo[ai],
                                            false);
                                    check(
                                            space,
                                            direction,
                                            expect,
                                            chain,
                                            points,
                                            proto,
                                            -1,
                                            -1,
                                            src.hi[bi],
                                            dst.hi[ai],
                                            false);
                                }
                            }
                        }
                    }
                }
            }
            classes += perChain * points.size();
        }

        private void check(
                PacketSpace space,
                Direction direction,
                Expectation expect,
                Chain chain,
                List<AttachPoint> points,
                int proto,
                int sport,
                int dport,
                BigInteger source,
                BigInteger destination,
                boolean representative) {
            boolean forwarded = chain.forwards(proto, sport, dport, source, destination);
            if (representative) {
                count(chain, forwarded);
            }
            int flow = expect.requiringFlow(proto, dport, destination);
            boolean mustForward = flow < 0;
            if (forwarded == mustForward || violations.size() >= MAX_VIOLATIONS) {
                return;
            }
            Verdict actual = chain.verdict(proto, sport, dport, source, destination);
            for (AttachPoint point : points) {
                Packet p = new Packet(
                        space.family,
                        Protocol.of(proto),
                        sport,
                        dport,
                        source,
                        destination,
                        expect.isExempt(destination),
                        direction,
                        point);
                String obligation = mustForward
                        ? (expect.isEmpty() ? "forward every " : "forward every other ") + space.family.id()
                                + " packet " + Expectation.direction(direction) + " at " + point.name()
                        : Expectation.describe(expect.flow(flow), point.name());
                if (chain.filters.length == 0 && !mustForward) {
                    obligation = "an " + space.family.id() + " filter is bound " + Expectation.direction(direction)
                            + " at " + point.name() + "; " + obligation;
                }
                report(obligation, p, mustForward ? Fate.FORWARDED : Fate.DROPPED, actual);
            }
        }

        private void report(String obligation, Packet p, Fate expected, Verdict actual) {
            String key = p.attachPoint() + "|" + p.family() + "|" + p.direction() + "|" + expected + "|"
                    + actual.decidedBy();
            if (violations.size() < MAX_VIOLATIONS && violationKeys.add(key)) {
                violations.add(new Violation(obligation, p, expected, actual));
            }
        }

        private void count(Chain chain, boolean forwarded) {
            for (int i = 0; i < chain.filters.length; i++) {
                if (chain.filters[i] == null) {
                    continue;
                }
                long[] hits = termHits.get(chain.names.get(i));
                int n = hits.length - 3;
                int d = chain.lastDecision[i];
                if (d == Integer.MIN_VALUE) {
                    break; // an earlier filter already dropped it
                }
                hits[d < 0 ? n : d]++;
                hits[n + 1]++;
                if (!chain.filters[i].forwards(d)) {
                    hits[n + 2]++;
                    break;
                }
            }
        }

        /** A packet that shows the effect of a missing filter: one the promise blocks, else any. */
        private Packet firstPacket(PacketSpace space, Direction direction, Expectation expect, AttachPoint point) {
            for (int proto : space.protocols) {
                if (proto != 6 && proto != 17) {
                    continue;
                }
                for (int di = 0; di < space.ports.size(); di++) {
                    BigInteger dst = space.destinations.rep[0];
                    for (int ai = 0; ai < space.destinations.size(); ai++) {
                        if (expect.requiringFlow(proto, space.ports.rep[di], space.destinations.rep[ai]) >= 0) {
                            dst = space.destinations.rep[ai];
                            return new Packet(
                                    space.family,
                                    Protocol.of(proto),
                                    49152,
                                    space.ports.rep[di],
                                    space.sources.rep[0],
                                    dst,
                                    expect.isExempt(dst),
                                    direction,
                                    point);
                        }
                    }
                }
            }
            BigInteger dst = space.destinations.rep[0];
            return new Packet(
                    space.family,
                    Protocol.TCP,
                    49152,
                    space.ports.rep[0],
                    space.sources.rep[0],
                    dst,
                    expect.isExempt(dst),
                    direction,
                    point);
        }

        private static Fate fate(Expectation expect, Packet p) {
            return expect.requiringFlow(p.protocol().number(), p.destinationPort(), p.destinationAddress()) >= 0
                    ? Fate.DROPPED
                    : Fate.FORWARDED;
        }

        private static Packet withPoint(Packet p, AttachPoint point) {
            return new Packet(
                    p.family(),
                    p.protocol(),
                    p.sourcePort(),
                    p.destinationPort(),
                    p.sourceAddress(),
                    p.destinationAddress(),
                    p.exempt(),
                    p.direction(),
                    point);
        }

        private List<FilterStats> stats() {
            List<FilterStats> out = new ArrayList<>();
            compiled.forEach((name, f) -> {
                long[] hits = termHits.get(name);
                int n = hits.length - 3;
                Map<String, Long> byTerm = new LinkedHashMap<>();
                List<String> unused = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String term = f.filter().terms().get(i).name();
                    byTerm.put(term, hits[i]);
                    if (hits[i] == 0 && hits[n + 1] > 0) {
                        unused.add(term);
                    }
                }
                out.add(new FilterStats(name, n, hits[n + 1], hits[n + 2], byTerm, hits[n], unused));
            });
            return out;
        }
    }
}
