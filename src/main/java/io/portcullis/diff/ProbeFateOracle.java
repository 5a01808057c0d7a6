package io.portcullis.diff;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.BlockedFlow;
import io.portcullis.intent.Direction;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Promise;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import io.portcullis.verify.Forwarding;
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
 * "ordinary" destination and source) and asks the verifier's packet model ({@link Forwarding}) what
 * each side does with them at every attach point. Every decision boundary is probed, so any packet
 * class whose fate changes shows up; the proof itself is the verifier's job, this only says it in
 * words. Why the verifier decides: it alone knows that a packet passes a point only when every
 * filter bound there forwards it, and a second evaluator here once stopped at the first one.
 */
public final class ProbeFateOracle implements FateOracle {

    private record Packet(AddressFamily family, Direction direction, int protocol, int srcPort, int dstPort,
                          BigInteger src, BigInteger dst, String label, PacketKey key) {
    }

    @Override
    public List<FateChange> delta(FilterIntent before, FilterIntent after, Promise promise) {
        List<AttachPoint> points = promise.attachPoints();
        Map<String, Map<AttachPoint, boolean[]>> byPacket = new LinkedHashMap<>();
        Map<String, PacketKey> keys = new LinkedHashMap<>();
        Forwarding beforeFates = Forwarding.of(before);
        Forwarding afterFates = Forwarding.of(after);
        for (Packet p : probes(before, after, promise)) {
            for (AttachPoint ap : points) {
                boolean b = forwards(beforeFates, ap, p);
                boolean a = forwards(afterFates, ap, p);
                if (a != b) {
                    byPacket.computeIfAbsent(p.label, k -> new LinkedHashMap<>()).put(ap, new boolean[] {b, a});
                    keys.putIfAbsent(p.label, p.key);
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
                out.add(new FateChange(label, where, Boolean.parseBoolean(ba[0]), Boolean.parseBoolean(ba[1]), keys.get(label)));
            });
        });
        return out;
    }

    private static boolean forwards(Forwarding fates, AttachPoint ap, Packet p) {
        return fates.forwards(ap, p.family, p.direction, p.protocol, p.srcPort, p.dstPort, p.src, p.dst);
    }

    private static List<Packet> probes(FilterIntent before, FilterIntent after, Promise promise) {
        Set<AddressFamily> families = new LinkedHashSet<>(promise.families());
        Set<Direction> directions = new LinkedHashSet<>();
        Set<Integer> protocols = new TreeSet<>(List.of(6, 17));
        Set<Integer> dstPorts = new TreeSet<>(List.of(80));
        Set<Integer> srcPorts = new TreeSet<>();
        List<IpPrefix> prefixes = new ArrayList<>();
        List<IpPrefix> sourcePrefixes = new ArrayList<>();
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
            sourcePrefixes.addAll(m.sourcePrefixes());
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
            // probes come from an ordinary source, outside every source prefix a term names
            BigInteger source = ordinaryAddress(fam, sourcePrefixes);
            List<BigInteger> dsts = new ArrayList<>();
            dsts.add(ordinary);
            prefixes.stream().filter(x -> x.family() == fam).map(IpPrefix::first).distinct().forEach(dsts::add);
            for (Direction dir : directions) {
                for (BigInteger dst : dsts) {
                    String address = dst.equals(ordinary) ? null : IpPrefix.formatAddress(fam, dst);
                    String to = address == null ? "" : " to " + address;
                    String suffix = " " + dirText(dir) + " (" + fam.id() + ")" + to;
                    for (int proto : protocols) {
                        int p = proto == 1 && fam == AddressFamily.IPV6 ? 58 : proto == 58 && fam == AddressFamily.IPV4 ? 1 : proto;
                        String name = Protocol.of(p).label().toUpperCase(java.util.Locale.ROOT);
                        if (p == 6 || p == 17) {
                            for (int port : dstPorts) {
                                out.add(new Packet(fam, dir, p, 40000, port, source, dst, name + "/" + port + suffix,
                                        PacketKey.of(p, port, null, fam, dir, address)));
                            }
                            for (int port : srcPorts) {
                                out.add(new Packet(fam, dir, p, port, 33333, source, dst, name + " from port " + port + suffix,
                                        PacketKey.of(p, null, port, fam, dir, address)));
                            }
                        } else {
                            out.add(new Packet(fam, dir, p, -1, -1, source, dst, name + suffix, PacketKey.of(p, null, null, fam, dir, address)));
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
