package io.portcullis.verify;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cross-platform equivalence: several configurations of the same policy (e.g. six platforms'
 * read-back IRs) must classify every packet class identically. Attach point names differ between
 * devices, so each configuration is compared through the filter chains bound at its own attach
 * points; a configuration whose attach points disagree among themselves is a difference too.
 */
public final class Equivalence {
    static final int MAX_DIFFERENCES = 20;

    private Equivalence() {}

    public static EquivalenceResult compare(List<FilterIntent> given, List<PlatformLimitation> limitations) {
        // a configuration without bindings (e.g. VRP, whose bindings Portcullis cannot write) is compared by its
        // filters
        List<FilterIntent> intents = given.stream()
                .map(i -> i.bindings().isEmpty() ? Unbound.withVirtualBindings(i) : i)
                .toList();
        List<Filter> allFilters = new ArrayList<>();
        intents.forEach(i -> allFilters.addAll(i.filters()));
        List<String> labels = labels(intents);
        List<Difference> differences = new ArrayList<>();
        List<Difference> excused = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long classes = 0;
        for (AddressFamily family : AddressFamily.values()) {
            PacketSpace space = PacketSpace.of(family, List.of(), allFilters);
            List<IpPrefix> prefixes = allFilters.stream()
                    .flatMap(f -> f.terms().stream())
                    .flatMap(t -> t.match().destinationPrefixes().stream())
                    .filter(p -> p.family() == family)
                    .toList();
            List<PortRange> ranges = allFilters.stream()
                    .flatMap(f -> f.terms().stream())
                    .flatMap(Equivalence::ranges)
                    .filter(r -> !r.isSingle())
                    .toList();
            for (Direction direction : Direction.values()) {
                List<String> columns = new ArrayList<>();
                List<Chain> chains = new ArrayList<>();
                List<String> platforms = new ArrayList<>();
                for (int i = 0; i < intents.size(); i++) {
                    Map<List<String>, List<AttachPoint>> byChain = chainsOf(intents.get(i), family, direction);
                    Map<String, CompiledFilter> compiled = Verifier.compile(intents.get(i));
                    for (var e : byChain.entrySet()) {
                        columns.add(
                                byChain.size() == 1
                                        ? labels.get(i)
                                        : labels.get(i) + "@"
                                                + e.getValue().get(0).name());
                        chains.add(new Chain(e.getKey(), compiled));
                        platforms.add(intents.get(i).platform());
                    }
                }
                for (int proto : space.protocols) {
                    boolean hasPorts = proto == 6 || proto == 17;
                    int nd = hasPorts ? space.ports.size() : 1;
                    int ns = hasPorts ? space.sourcePorts.size() : 1;
                    for (int si = 0; si < ns; si++) {
                        for (int di = 0; di < nd; di++) {
                            for (int ai = 0; ai < space.destinations.size(); ai++) {
                                for (int bi = 0; bi < space.sources.size(); bi++) {
                                    classes++;
                                    int sport = hasPorts ? space.sourcePorts.rep[si] : -1;
                                    int dport = hasPorts ? space.ports.rep[di] : -1;
                                    BigInteger src = space.sources.rep[bi];
                                    BigInteger dst = space.destinations.rep[ai];
                                    Boolean first = null;
                                    boolean same = true;
                                    for (Chain c : chains) {
                                        boolean f = c.forwards(proto, sport, dport, src, dst);
                                        if (first == null) {
                                            first = f;
                                        } else if (first != f) {
                                            same = false;
                                            break;
                                        }
                                    }
                                    if (same) {
                                        continue;
                                    }
                                    Packet p = new Packet(
                                            family,
                                            Protocol.of(proto),
                                            sport,
                                            dport,
                                            src,
                                            dst,
                                            prefixes.stream().anyMatch(x -> x.contains(family, dst)),
                                            direction,
                                            null);
                                    record(
                                            p,
                                            columns,
                                            chains,
                                            platforms,
                                            limitations,
                                            prefixes,
                                            ranges,
                                            differences,
                                            excused,
                                            seen);
                                }
                            }
                        }
                    }
                }
            }
        }
        return new EquivalenceResult(labels, classes, differences, excused);
    }

    private static void record(
            Packet p,
            List<String> columns,
            List<Chain> chains,
            List<String> platforms,
            List<PlatformLimitation> limitations,
            List<IpPrefix> prefixes,
            List<PortRange> ranges,
            List<Difference> differences,
            List<Difference> excused,
            Set<String> seen) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        List<Fate> compared = new ArrayList<>();
        PlatformLimitation excuse = null;
        for (int i = 0; i < chains.size(); i++) {
            Verdict v = chains.get(i)
                    .verdict(
                            p.protocol().number(),
                            p.sourcePort(),
                            p.destinationPort(),
                            p.sourceAddress(),
                            p.destinationAddress());
            verdicts.put(columns.get(i), v);
            PlatformLimitation l = limitationFor(platforms.get(i), p, limitations, prefixes, ranges);
            if (l == null) {
                compared.add(v.fate());
            } else if (excuse == null) {
                excuse = l;
            }
        }
        boolean real = compared.stream().distinct().count() > 1;
        List<Difference> target = real ? differences : excused;
        StringBuilder key = new StringBuilder(real ? "D" : "E");
        verdicts.forEach((k, v) -> key.append('|').append(k).append('=').append(v.decidedBy()));
        if (target.size() < MAX_DIFFERENCES && seen.add(key.toString())) {
            target.add(new Difference(p, verdicts, real ? null : excuse));
        }
    }

    private static PlatformLimitation limitationFor(
            String platform,
            Packet p,
            List<PlatformLimitation> limitations,
            List<IpPrefix> prefixes,
            List<PortRange> ranges) {
        for (PlatformLimitation l : limitations) {
            if (!l.platform().equals(platform)) {
                continue;
            }
            boolean touches =
                    switch (l.feature()) {
                        case IPV4 -> p.family() == AddressFamily.IPV4;
                        case IPV6 -> p.family() == AddressFamily.IPV6;
                        case EXEMPTIONS ->
                            prefixes.stream().anyMatch(x -> x.contains(p.family(), p.destinationAddress()));
                        case PORT_RANGES ->
                            p.hasPorts()
                                    && ranges.stream()
                                            .anyMatch(
                                                    r -> r.contains(p.destinationPort()) || r.contains(p.sourcePort()));
                        case FROM_SUBSCRIBER -> p.direction() == Direction.FROM_SUBSCRIBER;
                        default ->
                            false; // the other features change no packet's fate between platforms that render at all
                    };
            if (touches) {
                return l;
            }
        }
        return null;
    }

    private static java.util.stream.Stream<PortRange> ranges(Term t) {
        return java.util.stream.Stream.of(
                        t.match().destinationPorts(),
                        t.match().sourcePorts(),
                        t.match().eitherPorts())
                .flatMap(List::stream);
    }

    /** Attach points of the intent (any binding names them), grouped by the chain bound there. */
    private static Map<List<String>, List<AttachPoint>> chainsOf(
            FilterIntent intent, AddressFamily family, Direction direction) {
        Set<AttachPoint> points = new java.util.LinkedHashSet<>();
        for (Binding b : intent.bindings()) {
            points.add(new AttachPoint(b.kind(), b.point()));
        }
        Map<List<String>, List<AttachPoint>> out = new LinkedHashMap<>();
        for (AttachPoint point : points) {
            out.computeIfAbsent(Chain.boundNames(intent, point, family, direction), k -> new ArrayList<>())
                    .add(point);
        }
        if (out.isEmpty()) {
            out.put(List.of(), List.of());
        }
        return out;
    }

    private static List<String> labels(List<FilterIntent> intents) {
        List<String> labels = new ArrayList<>();
        for (FilterIntent i : intents) {
            String base = i.platform() == null ? i.device() : i.platform();
            boolean dup = intents.stream()
                            .filter(o -> java.util.Objects.equals(o.platform(), i.platform()))
                            .count()
                    > 1;
            labels.add(dup ? base + " (" + i.device() + ")" : base);
        }
        return labels;
    }
}
