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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which packets two intents treat differently at a promise's attach points, by the proof's own model:
 * the packet space is cut into the verifier's classes ({@link PacketSpace}, cut by both intents' filters
 * and the promise) and each class is decided on each side by the {@link Chain} bound at the point
 * (every filter bound there, for the family and direction, must forward). So the plan's and drift's
 * packet-fate delta, the alerts built on it and {@code verify} cannot disagree about a packet: there is
 * one evaluator and one set of classes. Every class whose fate differs is returned, none is sampled.
 *
 * <p>With no attach point in the promise nothing is bound by Portcullis, so nothing changes on the router
 * and the delta is empty (the proof's virtual point for such devices proves filter contents, it is not
 * where packets pass).
 */
public final class FateDelta {
    private static final byte SAME = 0;
    private static final byte TO_DROPPED = 1;
    private static final byte TO_FORWARDED = 2;

    private FateDelta() {}

    /** Every packet class whose fate differs between {@code before} and {@code after}, grouped by attach points. */
    public static List<ClassShift> between(FilterIntent before, FilterIntent after, Promise promise) {
        List<ClassShift> out = new ArrayList<>();
        if (promise.attachPoints().isEmpty()) {
            return out;
        }
        Map<String, CompiledFilter> was = Verifier.compile(before);
        Map<String, CompiledFilter> is = Verifier.compile(after);
        List<Filter> filters = Stream.concat(before.filters().stream(), after.filters().stream())
                .toList();
        for (AddressFamily family : AddressFamily.values()) {
            PacketSpace space = PacketSpace.of(family, List.of(promise), filters);
            for (Direction direction : Direction.values()) {
                Map<List<List<String>>, List<AttachPoint>> pairs = new LinkedHashMap<>();
                for (AttachPoint point : promise.attachPoints()) {
                    pairs.computeIfAbsent(
                                    List.of(
                                            Chain.boundNames(before, point, family, direction),
                                            Chain.boundNames(after, point, family, direction)),
                                    k -> new ArrayList<>())
                            .add(point);
                }
                pairs.forEach((names, points) -> {
                    if (!sameFilters(names.get(0), was, names.get(1), is)) {
                        new Grid(space, direction, new Chain(names.get(0), was), new Chain(names.get(1), is), points)
                                .collect(out);
                    }
                });
            }
        }
        return out;
    }

    private static boolean sameFilters(
            List<String> a, Map<String, CompiledFilter> was, List<String> b, Map<String, CompiledFilter> is) {
        if (!a.equals(b)) {
            return false;
        }
        for (String name : a) {
            CompiledFilter x = was.get(name);
            CompiledFilter y = is.get(name);
            if (x == null || y == null ? x != y : !x.filter().equals(y.filter())) {
                return false;
            }
        }
        return true;
    }

    /** All classes of one family and direction at one group of points, each decided on both sides. */
    private static final class Grid {
        private final PacketSpace space;
        private final Direction direction;
        private final Chain before;
        private final Chain after;
        private final List<AttachPoint> points;
        private final BigInteger[] portLo;
        private final BigInteger[] portHi;
        private final BigInteger[] sportLo;
        private final BigInteger[] sportHi;
        private final Set<Integer> named;

        Grid(PacketSpace space, Direction direction, Chain before, Chain after, List<AttachPoint> points) {
            this.space = space;
            this.direction = direction;
            this.before = before;
            this.after = after;
            this.points = points;
            this.portLo = big(space.ports.lo);
            this.portHi = big(space.ports.hi);
            this.sportLo = big(space.sourcePorts.lo);
            this.sportHi = big(space.sourcePorts.hi);
            this.named = Arrays.stream(space.protocols)
                    .filter(p -> p != space.otherProtocol)
                    .boxed()
                    .collect(Collectors.toSet());
        }

        void collect(List<ClassShift> out) {
            PacketSpace.AddressIntervals dst = space.destinations;
            PacketSpace.AddressIntervals src = space.sources;
            for (int proto : space.protocols) {
                boolean ports = proto == 6 || proto == 17;
                int nP = ports ? space.ports.size() : 1;
                int nS = ports ? space.sourcePorts.size() : 1;
                int nD = dst.size();
                int nB = src.size();
                byte[] t = new byte[nP * nS * nD * nB];
                boolean any = false;
                for (int di = 0; di < nP; di++) {
                    for (int si = 0; si < nS; si++) {
                        for (int ai = 0; ai < nD; ai++) {
                            for (int bi = 0; bi < nB; bi++) {
                                int dRep = ports ? space.ports.rep[di] : -1;
                                int sRep = ports ? space.sourcePorts.rep[si] : -1;
                                boolean b = before.forwards(proto, sRep, dRep, src.rep[bi], dst.rep[ai]);
                                boolean a = after.forwards(proto, sRep, dRep, src.rep[bi], dst.rep[ai]);
                                byte v = a == b ? SAME : b ? TO_DROPPED : TO_FORWARDED;
                                t[((di * nS + si) * nD + ai) * nB + bi] = v;
                                any |= v != SAME;
                            }
                        }
                    }
                }
                if (!any) {
                    continue;
                }
                for (int di = 0; di < nP; di++) {
                    for (int si = 0; si < nS; si++) {
                        for (int ai = 0; ai < nD; ai++) {
                            for (int bi = 0; bi < nB; bi++) {
                                byte v = t[((di * nS + si) * nD + ai) * nB + bi];
                                if (v == SAME) {
                                    continue;
                                }
                                byte[] alongD = new byte[nP];
                                for (int i = 0; i < nP; i++) {
                                    alongD[i] = t[((i * nS + si) * nD + ai) * nB + bi];
                                }
                                byte[] alongS = new byte[nS];
                                for (int i = 0; i < nS; i++) {
                                    alongS[i] = t[((di * nS + i) * nD + ai) * nB + bi];
                                }
                                byte[] alongA = new byte[nD];
                                for (int i = 0; i < nD; i++) {
                                    alongA[i] = t[((di * nS + si) * nD + i) * nB + bi];
                                }
                                byte[] alongB = new byte[nB];
                                for (int i = 0; i < nB; i++) {
                                    alongB[i] = t[((di * nS + si) * nD + ai) * nB + i];
                                }
                                out.add(shift(
                                        proto,
                                        ports,
                                        di,
                                        si,
                                        ai,
                                        bi,
                                        v,
                                        Axis.of(alongD, di, portLo, portHi),
                                        Axis.of(alongS, si, sportLo, sportHi),
                                        Axis.of(alongA, ai, dst.lo, dst.hi),
                                        Axis.of(alongB, bi, src.lo, src.hi)));
                            }
                        }
                    }
                }
            }
        }

        private ClassShift shift(
                int proto,
                boolean ports,
                int di,
                int si,
                int ai,
                int bi,
                byte v,
                Axis dAxis,
                Axis sAxis,
                Axis aAxis,
                Axis bAxis) {
            PacketSpace.AddressIntervals dst = space.destinations;
            PacketSpace.AddressIntervals src = space.sources;
            Packet rep = new Packet(
                    space.family,
                    Protocol.of(proto),
                    ports ? space.sourcePorts.rep[si] : -1,
                    ports ? space.ports.rep[di] : -1,
                    src.rep[bi],
                    dst.rep[ai],
                    false,
                    direction,
                    points.get(0));
            Fate b = v == TO_DROPPED ? Fate.FORWARDED : Fate.DROPPED;
            Fate a = v == TO_DROPPED ? Fate.DROPPED : Fate.FORWARDED;
            return new ClassShift(
                    space.family,
                    direction,
                    proto,
                    proto == space.otherProtocol ? named : Set.of(),
                    points,
                    b,
                    a,
                    ports ? new Axis.Span(portLo[di], portHi[di]) : null,
                    ports ? new Axis.Span(sportLo[si], sportHi[si]) : null,
                    new Axis.Span(dst.lo[ai], dst.hi[ai]),
                    new Axis.Span(src.lo[bi], src.hi[bi]),
                    ports ? dAxis : Axis.ANY,
                    ports ? sAxis : Axis.ANY,
                    aAxis,
                    bAxis,
                    rep);
        }

        private static BigInteger[] big(int[] values) {
            return Arrays.stream(values).mapToObj(BigInteger::valueOf).toArray(BigInteger[]::new);
        }
    }
}
