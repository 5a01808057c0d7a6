package io.portcullis.verify;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Protocol;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One of the verifier's packet classes ({@link PacketSpace}) whose fate differs between two intents at
 * some attach points, as {@link FateDelta} finds it. The class is exact: every packet in it has the
 * same fate on each side, by the same {@link Chain} evaluation the proof uses. The axes say how far
 * the same change reaches from this class, for a sentence that names only what matters.
 *
 * @param protocol        the class's protocol number; for the "any other protocol" class the number
 *                        that stands for it, with {@code namedProtocols} the ones it excludes
 * @param namedProtocols  empty unless this is the "any other protocol" class
 * @param destinationPort the class's destination-port range (null for protocols without ports), and
 *                        so on for the source port, destination and source address
 */
public record ClassShift(
        AddressFamily family,
        Direction direction,
        int protocol,
        Set<Integer> namedProtocols,
        List<AttachPoint> points,
        Fate before,
        Fate after,
        Axis.Span destinationPort,
        Axis.Span sourcePort,
        Axis.Span destination,
        Axis.Span source,
        Axis destinationPortAxis,
        Axis sourcePortAxis,
        Axis destinationAxis,
        Axis sourceAxis,
        Packet representative) {

    public ClassShift {
        namedProtocols = Set.copyOf(namedProtocols);
        points = List.copyOf(points);
    }

    public boolean otherProtocol() {
        return !namedProtocols.isEmpty();
    }

    /** The same class with the two sides swapped. */
    public ClassShift reversed() {
        return new ClassShift(
                family,
                direction,
                protocol,
                namedProtocols,
                points,
                after,
                before,
                destinationPort,
                sourcePort,
                destination,
                source,
                destinationPortAxis,
                sourcePortAxis,
                destinationAxis,
                sourceAxis,
                representative);
    }

    /** True when {@code p} (at one of this class's points) belongs to the class. */
    public boolean contains(Packet p) {
        if (p.family() != family || p.direction() != direction || !points.contains(p.attachPoint())) {
            return false;
        }
        int proto = p.protocol().number();
        if (otherProtocol() ? namedProtocols.contains(proto) : proto != protocol) {
            return false;
        }
        if (destinationPort != null
                && !(destinationPort.contains(BigInteger.valueOf(p.destinationPort()))
                        && sourcePort.contains(BigInteger.valueOf(p.sourcePort())))) {
            return false;
        }
        return destination.contains(p.destinationAddress()) && source.contains(p.sourceAddress());
    }

    /** Packets that must show this change: the representative and both corners of the class, at every point. */
    public List<Packet> witnesses() {
        List<Packet> out = new ArrayList<>();
        for (AttachPoint point : points) {
            out.add(at(
                    representative.sourcePort(),
                    representative.destinationPort(),
                    representative.sourceAddress(),
                    representative.destinationAddress(),
                    point));
            boolean ports = destinationPort != null;
            out.add(at(
                    ports ? sourcePort.lo().intValue() : -1,
                    ports ? destinationPort.lo().intValue() : -1,
                    source.lo(),
                    destination.lo(),
                    point));
            out.add(at(
                    ports ? sourcePort.hi().intValue() : -1,
                    ports ? destinationPort.hi().intValue() : -1,
                    source.hi(),
                    destination.hi(),
                    point));
        }
        return out;
    }

    private Packet at(int sport, int dport, BigInteger src, BigInteger dst, AttachPoint point) {
        return new Packet(family, Protocol.of(protocol), sport, dport, src, dst, false, direction, point);
    }
}
