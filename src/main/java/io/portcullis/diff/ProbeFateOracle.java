package io.portcullis.diff;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.Binding;
import io.portcullis.intent.BlockedFlow;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Promise;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Explains a change by packets: it builds representative packets from every boundary the two
 * configurations and the promise mention (each port edge and its neighbours, each prefix, one
 * "ordinary" destination) and evaluates both sides first-match at every attach point. Every
 * decision boundary is probed, so any packet class whose fate changes shows up; the proof itself is
 * the verifier's job, this only says it in words.
 */
public final class ProbeFateOracle implements FateOracle {

    private record Packet(AddressFamily family, Direction direction, int protocol, int srcPort, int dstPort,
                          BigInteger dst, String label) {
    }

    @Override
    public List<FateChange> delta(FilterIntent before, FilterIntent after, Promise promise) {
        List<AttachPoint> points = promise.attachPoints();
        Map<String, Map<AttachPoint, boolean[]>> byPacket = new LinkedHashMap<>();
        for (Packet p : probes(before, after, promise)) {
            for (AttachPoint ap : points) {
                boolean b = forwards(before, ap, p);
                boolean a = forwards(after, ap, p);
                if (a != b) {
                    byPacket.computeIfAbsent(p.label, k -> new LinkedHashMap<>()).put(ap, new boolean[] {b, a});
                }
            }
        }
        List<FateChange> out = new ArrayList<>();
        byPacket.forEach((label, perPoint) -> {
            Map<String, List<String>> groups = new LinkedHashMap<>();
            perPoint.forEach((ap, ba) -> groups.computeIfAbsent(ba[0] + "|" + ba[1], k -> new ArrayList<>()).add(ap.name()));
            groups.forEach((k, names) -> {
                String[] ba = k.split("\\|");
                String where = names.size() == points.size() ? "" : String.join(", ", names);
                out.add(new FateChange(label, where, Boolean.parseBoolean(ba[0]), Boolean.parseBoolean(ba[1])));
            });
        });
        return out;
    }

    static boolean forwards(FilterIntent intent, AttachPoint ap, Packet p) {
        for (Binding b : intent.bindings()) {
            if (b.kind() == ap.kind() && b.point().equals(ap.name()) && b.family() == p.family && b.direction() == p.direction) {
                Filter f = intent.filter(b.filterName()).orElse(null);
                if (f == null) {
                    return true;
                }
                for (Term t : f.terms()) {
                    if (matches(t.match(), p)) {
                        return t.action().forwards();
                    }
                }
                return f.defaultAction().forwards();
            }
        }
        return true; // nothing bound: the router forwards
    }

    private static boolean matches(Match m, Packet p) {
        if (!m.protocol().matches(p.protocol)) {
            return false;
        }
        boolean hasPorts = p.protocol == 6 || p.protocol == 17;
        if (m.hasPortConditions() && !hasPorts) {
            return false;
        }
        if (!m.destinationPorts().isEmpty() && m.destinationPorts().stream().noneMatch(r -> r.contains(p.dstPort))) {
            return false;
        }
        if (!m.sourcePorts().isEmpty() && m.sourcePorts().stream().noneMatch(r -> r.contains(p.srcPort))) {
            return false;
        }
        if (!m.eitherPorts().isEmpty() && m.eitherPorts().stream().noneMatch(r -> r.contains(p.srcPort) || r.contains(p.dstPort))) {
            return false;
        }
        if (!m.destinationPrefixes().isEmpty() && m.destinationPrefixes().stream().noneMatch(x -> x.contains(p.family, p.dst))) {
            return false;
        }
        // probes come from an ordinary source: a term limited to source prefixes never matches them
        return m.sourcePrefixes().isEmpty();
    }

    private static List<Packet> probes(FilterIntent before, FilterIntent after, Promise promise) {
        Set<AddressFamily> families = new LinkedHashSet<>(promise.families());
        Set<Direction> directions = new LinkedHashSet<>();
        Set<Integer> protocols = new TreeSet<>(List.of(6, 17));
        Set<Integer> dstPorts = new TreeSet<>(List.of(80));
        Set<Integer> srcPorts = new TreeSet<>();
        List<IpPrefix> prefixes = new ArrayList<>();
        for (BlockedFlow f : promise.blocked()) {
            families.add(f.family());
            directions.add(f.direction());
            if (!f.protocol().isAny()) {
                protocols.add(f.protocol().number());
            }
            f.destinationPorts().forEach(r -> edges(r, dstPorts));
            prefixes.addAll(f.exemptDestinations());
        }
        for (Term t : Stream.concat(before.filters().stream(), after.filters().stream()).flatMap(f -> f.terms().stream()).toList()) {
            Match m = t.match();
            if (!m.protocol().isAny()) {
                protocols.add(m.protocol().number());
            }
            m.destinationPorts().forEach(r -> edges(r, dstPorts));
            m.sourcePorts().forEach(r -> edges(r, srcPorts));
            m.eitherPorts().forEach(r -> {
                edges(r, dstPorts);
                edges(r, srcPorts);
            });
            prefixes.addAll(m.destinationPrefixes());
        }
        Stream.concat(before.bindings().stream(), after.bindings().stream()).forEach(b -> {
            families.add(b.family());
            directions.add(b.direction());
        });
        if (directions.isEmpty()) {
            directions.add(Direction.TO_SUBSCRIBER);
        }
        List<Packet> out = new ArrayList<>();
        for (AddressFamily fam : families) {
            BigInteger ordinary = ordinaryAddress(fam, prefixes);
            List<BigInteger> dsts = new ArrayList<>();
            dsts.add(ordinary);
            prefixes.stream().filter(x -> x.family() == fam).map(IpPrefix::first).distinct().forEach(dsts::add);
            for (Direction dir : directions) {
                for (BigInteger dst : dsts) {
                    String to = dst.equals(ordinary) ? "" : " to " + IpPrefix.formatAddress(fam, dst);
                    String suffix = " " + dirText(dir) + " (" + fam.id() + ")" + to;
                    for (int proto : protocols) {
                        int p = proto == 1 && fam == AddressFamily.IPV6 ? 58 : proto == 58 && fam == AddressFamily.IPV4 ? 1 : proto;
                        String name = Protocol.of(p).label().toUpperCase(java.util.Locale.ROOT);
                        if (p == 6 || p == 17) {
                            for (int port : dstPorts) {
                                out.add(new Packet(fam, dir, p, 40000, port, dst, name + "/" + port + suffix));
                            }
                            for (int port : srcPorts) {
                                out.add(new Packet(fam, dir, p, port, 33333, dst, name + " from port " + port + suffix));
                            }
                        } else {
                            out.add(new Packet(fam, dir, p, 0, 0, dst, name + suffix));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void edges(PortRange r, Set<Integer> ports) {
        ports.add(r.from());
        ports.add(r.to());
        if (r.from() > 0) {
            ports.add(r.from() - 1);
        }
        if (r.to() < PortRange.MAX) {
            ports.add(r.to() + 1);
        }
    }

    private static BigInteger ordinaryAddress(AddressFamily fam, List<IpPrefix> prefixes) {
        List<String> candidates = fam == AddressFamily.IPV4
                ? List.of("198.51.100.77", "203.0.113.77", "100.64.77.77", "10.77.77.77")
                : List.of("2001:db8:77::77", "fd77::77", "2a00:77::77");
        for (String c : candidates) {
            BigInteger a = IpPrefix.parse(c).first();
            if (prefixes.stream().noneMatch(x -> x.contains(fam, a))) {
                return a;
            }
        }
        return IpPrefix.parse(candidates.get(0)).first();
    }

    private static String dirText(Direction d) {
        return d == Direction.TO_SUBSCRIBER ? "toward subscribers" : "from subscribers";
    }
}
