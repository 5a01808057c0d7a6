package io.portcullis.verify;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.BlockedFlow;
import io.portcullis.intent.Filter;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Promise;
import io.portcullis.intent.Term;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The packet space of one address family cut into equivalence classes. Every port range and every
 * prefix mentioned by the promise or by any filter contributes its boundaries (a and b+1); the
 * intervals between consecutive boundaries cannot be told apart by any term or obligation, so one
 * packet per interval decides the whole interval. Protocols: every one mentioned, plus TCP, UDP,
 * ICMP, ICMPv6, GRE and one number nobody mentions (stands for "any other protocol").
 */
final class PacketSpace {
    private static final int[] PREFERRED_PORTS = {49152, 443, 80, 53, 22};

    final AddressFamily family;
    final int[] protocols;
    final Intervals ports;
    final Intervals sourcePorts;
    final AddressIntervals destinations;
    final AddressIntervals sources;
    /** The number in {@link #protocols} that stands for every protocol nothing mentions. */
    final int otherProtocol;

    private PacketSpace(
            AddressFamily family,
            int[] protocols,
            int otherProtocol,
            Intervals ports,
            Intervals sourcePorts,
            AddressIntervals destinations,
            AddressIntervals sources) {
        this.family = family;
        this.protocols = protocols;
        this.otherProtocol = otherProtocol;
        this.ports = ports;
        this.sourcePorts = sourcePorts;
        this.destinations = destinations;
        this.sources = sources;
    }

    /** The space for one family, cut by the promise and by all given filters (of any family). */
    static PacketSpace of(AddressFamily family, Collection<Promise> promises, Collection<Filter> filters) {
        TreeSet<Integer> protocols = new TreeSet<>(List.of(6, 17, 1, 58, 47));
        TreeSet<Integer> portCuts = new TreeSet<>();
        boolean sourceSensitive = false;
        TreeSet<BigInteger> dstCuts = new TreeSet<>();
        TreeSet<BigInteger> srcCuts = new TreeSet<>();
        for (Promise promise : promises) {
            for (BlockedFlow flow : promise.blocked()) {
                addProtocol(protocols, flow.protocol().number());
                flow.destinationPorts().forEach(r -> cut(portCuts, r));
                flow.exemptDestinations().forEach(p -> cut(dstCuts, family, p));
            }
        }
        for (Filter f : filters) {
            for (Term t : f.terms()) {
                Match m = t.match();
                addProtocol(protocols, m.protocol().number());
                m.destinationPorts().forEach(r -> cut(portCuts, r));
                m.sourcePorts().forEach(r -> cut(portCuts, r));
                m.eitherPorts().forEach(r -> cut(portCuts, r));
                sourceSensitive |=
                        !m.sourcePorts().isEmpty() || !m.eitherPorts().isEmpty();
                m.destinationPrefixes().forEach(p -> cut(dstCuts, family, p));
                m.sourcePrefixes().forEach(p -> cut(srcCuts, family, p));
            }
        }
        int otherProtocol = -1;
        for (int other = 0; other <= 255; other++) { // "any other protocol"
            if (!protocols.contains(other)) {
                protocols.add(other);
                otherProtocol = other;
                break;
            }
        }
        // TCP and UDP first, then ICMP: the first counterexample found is the most familiar one
        int[] protos = protocols.stream()
                .sorted(java.util.Comparator.comparingInt(PacketSpace::protocolOrder))
                .mapToInt(Integer::intValue)
                .toArray();
        Intervals ports = Intervals.of(portCuts);
        // When no term looks at source ports, every packet's fate is independent of its source port,
        // so one class covers all 65536 of them; otherwise source ports are cut like destination ports.
        Intervals sourcePorts = sourceSensitive ? ports : Intervals.of(new TreeSet<>());
        boolean v4 = family == AddressFamily.IPV4;
        return new PacketSpace(
                family,
                protos,
                otherProtocol,
                ports,
                sourcePorts,
                AddressIntervals.of(family, dstCuts, v4 ? NICE_DST_V4 : NICE_DST_V6),
                AddressIntervals.of(family, srcCuts, v4 ? NICE_SRC_V4 : NICE_SRC_V6));
    }

    // documentation addresses (RFC 5737/3849) read best in counterexamples; the first one inside an interval is used
    private static final BigInteger[] NICE_DST_V4 = addresses("198.51.100.7", "203.0.113.7", "192.0.2.77", "10.0.0.7");
    private static final BigInteger[] NICE_DST_V6 =
            addresses("2001:db8:100::7", "2001:db8:200::7", "2001:db8::77", "fd00::7");
    private static final BigInteger[] NICE_SRC_V4 = addresses("192.0.2.1", "203.0.113.1", "198.51.100.1");
    private static final BigInteger[] NICE_SRC_V6 = addresses("2001:db8::1", "2001:db8:200::1", "2001:db8:100::1");

    private static BigInteger[] addresses(String... text) {
        return java.util.Arrays.stream(text).map(t -> IpPrefix.parse(t).first()).toArray(BigInteger[]::new);
    }

    private static int protocolOrder(int p) {
        return switch (p) {
            case 6 -> -5;
            case 17 -> -4;
            case 1 -> -3;
            case 58 -> -2;
            case 47 -> -1;
            default -> p;
        };
    }

    private static void addProtocol(TreeSet<Integer> protocols, int number) {
        if (number >= 0) {
            protocols.add(number);
        }
    }

    private static void cut(TreeSet<Integer> cuts, PortRange r) {
        cuts.add(r.from());
        if (r.to() < PortRange.MAX) {
            cuts.add(r.to() + 1);
        }
    }

    private static void cut(TreeSet<BigInteger> cuts, AddressFamily family, IpPrefix p) {
        if (p.family() != family) {
            return;
        }
        cuts.add(p.first());
        BigInteger next = p.last().add(BigInteger.ONE);
        if (next.bitLength() <= family.addressBits()) {
            cuts.add(next);
        }
    }

    /** Port intervals [lo[i], hi[i]] covering 0..65535, each with a representative. */
    static final class Intervals {
        final int[] lo;
        final int[] hi;
        final int[] rep;

        private Intervals(int[] lo, int[] hi, int[] rep) {
            this.lo = lo;
            this.hi = hi;
            this.rep = rep;
        }

        static Intervals of(TreeSet<Integer> cuts) {
            TreeSet<Integer> all = new TreeSet<>(cuts);
            all.add(0);
            int n = all.size();
            int[] lo = new int[n];
            int[] hi = new int[n];
            int[] rep = new int[n];
            int i = 0;
            for (int c : all) {
                lo[i++] = c;
            }
            for (i = 0; i < n; i++) {
                hi[i] = i + 1 < n ? lo[i + 1] - 1 : PortRange.MAX;
                rep[i] = lo[i];
                for (int p : PREFERRED_PORTS) {
                    if (p >= lo[i] && p <= hi[i]) {
                        rep[i] = p;
                        break;
                    }
                }
            }
            return new Intervals(lo, hi, rep);
        }

        int size() {
            return lo.length;
        }

        /** Interval indexes, the one holding an ephemeral port (49152) first. */
        int[] ephemeralFirst() {
            int[] order = new int[lo.length];
            int k = 0;
            for (int i = 0; i < lo.length; i++) {
                if (rep[i] == 49152) {
                    order[k++] = i;
                }
            }
            for (int i = 0; i < lo.length; i++) {
                if (rep[i] != 49152) {
                    order[k++] = i;
                }
            }
            return order;
        }
    }

    /** Address intervals covering the family's whole space, each with a representative. */
    static final class AddressIntervals {
        final BigInteger[] lo;
        final BigInteger[] hi;
        final BigInteger[] rep;

        private AddressIntervals(BigInteger[] lo, BigInteger[] hi, BigInteger[] rep) {
            this.lo = lo;
            this.hi = hi;
            this.rep = rep;
        }

        static AddressIntervals of(AddressFamily family, TreeSet<BigInteger> cuts, BigInteger[] nice) {
            List<BigInteger> all = new ArrayList<>(cuts);
            if (all.isEmpty() || all.get(0).signum() != 0) {
                all.add(0, BigInteger.ZERO);
            }
            BigInteger max = BigInteger.ONE.shiftLeft(family.addressBits()).subtract(BigInteger.ONE);
            int n = all.size();
            BigInteger[] lo = all.toArray(BigInteger[]::new);
            BigInteger[] hi = new BigInteger[n];
            BigInteger[] rep = new BigInteger[n];
            for (int i = 0; i < n; i++) {
                hi[i] = i + 1 < n ? lo[i + 1].subtract(BigInteger.ONE) : max;
                rep[i] = null;
                for (BigInteger a : nice) {
                    if (a.compareTo(lo[i]) >= 0 && a.compareTo(hi[i]) <= 0) {
                        rep[i] = a;
                        break;
                    }
                }
                if (rep[i] != null) {
                    continue;
                }
                if (hi[i].compareTo(lo[i]) > 0) {
                    rep[i] = lo[i].add(BigInteger.ONE); // not the network address: reads like a host
                } else {
                    rep[i] = lo[i];
                }
            }
            return new AddressIntervals(lo, hi, rep);
        }

        int size() {
            return lo.length;
        }
    }
}
