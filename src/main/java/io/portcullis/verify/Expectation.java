package io.portcullis.verify;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.BlockedFlow;
import io.portcullis.intent.Direction;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Promise;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The promise for one family and direction as a fast predicate: a packet must be dropped iff some
 * blocked flow matches its protocol and destination port and its destination is not exempt from
 * that flow. Everything else must be forwarded.
 */
final class Expectation {
    private final BlockedFlow[] flows;
    private final int[] protocol;
    private final int[][] ports; // null: any port
    private final BigInteger[][] exempt;
    private final BigInteger[] anyExempt;

    Expectation(Promise promise, AddressFamily family, Direction direction) {
        this.flows = promise.blocked().stream()
                .filter(f -> f.family() == family && f.direction() == direction)
                .toArray(BlockedFlow[]::new);
        protocol = new int[flows.length];
        ports = new int[flows.length][];
        exempt = new BigInteger[flows.length][];
        for (int i = 0; i < flows.length; i++) {
            protocol[i] = flows[i].protocol().number();
            List<PortRange> p = flows[i].destinationPorts();
            ports[i] = p.isEmpty()
                    ? null
                    : p.stream()
                            .flatMapToInt(r -> java.util.stream.IntStream.of(r.from(), r.to()))
                            .toArray();
            exempt[i] = bounds(flows[i].exemptDestinations(), family);
        }
        anyExempt = bounds(
                promise.blocked().stream()
                        .filter(f -> f.family() == family)
                        .flatMap(f -> f.exemptDestinations().stream())
                        .toList(),
                family);
    }

    private static BigInteger[] bounds(List<IpPrefix> prefixes, AddressFamily family) {
        return prefixes.stream()
                .filter(p -> p.family() == family)
                .flatMap(p -> java.util.stream.Stream.of(p.first(), p.last()))
                .toArray(BigInteger[]::new);
    }

    boolean isEmpty() {
        return flows.length == 0;
    }

    /** Index of the flow that requires dropping, or -1 when the packet must be forwarded. */
    int requiringFlow(int proto, int dport, BigInteger destination) {
        for (int i = 0; i < flows.length; i++) {
            if (protocol[i] >= 0 && protocol[i] != proto) {
                continue;
            }
            if (ports[i] != null && (!(proto == 6 || proto == 17) || !in(ports[i], dport))) {
                continue;
            }
            if (in(exempt[i], destination)) {
                continue;
            }
            return i;
        }
        return -1;
    }

    boolean isExempt(BigInteger destination) {
        return in(anyExempt, destination);
    }

    BlockedFlow flow(int i) {
        return flows[i];
    }

    static String describe(BlockedFlow f, String where) {
        String ports = f.destinationPorts().stream().map(PortRange::toString).collect(Collectors.joining(","));
        String except = f.exemptDestinations().isEmpty()
                ? ""
                : " except to "
                        + f.exemptDestinations().stream()
                                .map(IpPrefix::toString)
                                .collect(Collectors.joining(","));
        return "drop " + f.protocol().label() + (ports.isEmpty() ? "" : " " + ports) + " "
                + f.family().id() + " " + direction(f.direction()) + " at " + where + except + " (" + f.service() + ")";
    }

    static String direction(Direction d) {
        return d == Direction.TO_SUBSCRIBER ? "toward subscribers" : "from subscribers";
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
