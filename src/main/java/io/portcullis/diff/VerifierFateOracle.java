package io.portcullis.diff;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.Direction;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Promise;
import io.portcullis.intent.Protocol;
import io.portcullis.verify.Axis;
import io.portcullis.verify.ClassShift;
import io.portcullis.verify.Fate;
import io.portcullis.verify.FateDelta;
import io.portcullis.verify.Packet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The packet-fate delta in words, on the verifier's model: {@link FateDelta} returns every packet class
 * of the proof whose fate differs (decided by the proof's own evaluation, every filter bound at a point
 * must forward), and this only turns classes into sentences. A sentence names a class by the axes that
 * matter ("TCP/587 toward subscribers (ipv4)", "TCP from port 179 …", "… except to 10.0.0.0/8"); classes
 * that read the same and change the same way share one line, whose {@link FateChange#classes()} keeps them
 * all, so each line can be checked packet by packet against {@code verify}.
 *
 * <p>This replaced an evaluator of its own that probed hand-picked packets and, before that, stopped at the
 * first filter bound at a point; both could say something verify did not.
 */
public final class VerifierFateOracle implements FateOracle {

    @Override
    public List<FateChange> delta(FilterIntent before, FilterIntent after, Promise promise) {
        List<AttachPoint> all = promise.attachPoints();
        Map<String, Map<Fate, Line>> lines = new LinkedHashMap<>();
        for (ClassShift s : FateDelta.between(before, after, promise)) {
            lines.computeIfAbsent(label(s), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.after(), k -> new Line(key(s)))
                    .add(s);
        }
        List<FateChange> out = new ArrayList<>();
        lines.forEach((label, byFate) -> byFate.forEach((fate, line) -> {
            List<String> where = all.stream()
                    .filter(line.points::contains)
                    .map(AttachPoint::name)
                    .toList();
            out.add(new FateChange(
                    label,
                    where.size() == all.size() ? "" : String.join(", ", where),
                    fate == Fate.DROPPED,
                    fate == Fate.FORWARDED,
                    line.key,
                    line.classes));
        }));
        return out;
    }

    private static final class Line {
        final PacketKey key;
        final Set<AttachPoint> points = new LinkedHashSet<>();
        final List<ClassShift> classes = new ArrayList<>();

        Line(PacketKey key) {
            this.key = key;
        }

        void add(ClassShift s) {
            points.addAll(s.points());
            classes.add(s);
        }
    }

    static String label(ClassShift s) {
        StringBuilder sb = new StringBuilder(
                s.otherProtocol() ? "any other protocol" : Packet.protocolName(Protocol.of(s.protocol())));
        Axis d = s.destinationPortAxis();
        switch (d.shape()) {
            case ONLY -> sb.append('/').append(ports(d.spans()));
            case EXCEPT ->
                sb.append(" except ")
                        .append(plural(d.spans(), "port"))
                        .append(' ')
                        .append(ports(d.spans()));
            default -> {}
        }
        Axis sp = s.sourcePortAxis();
        switch (sp.shape()) {
            case ONLY ->
                sb.append(" from ")
                        .append(plural(sp.spans(), "port"))
                        .append(' ')
                        .append(ports(sp.spans()));
            case EXCEPT -> sb.append(" from any port except ").append(ports(sp.spans()));
            default -> {}
        }
        sb.append(s.direction() == Direction.TO_SUBSCRIBER ? " toward subscribers" : " from subscribers")
                .append(" (")
                .append(s.family().id())
                .append(')');
        sb.append(addresses(s.destinationAxis(), s.family(), " to ", " except to "));
        sb.append(addresses(s.sourceAxis(), s.family(), " from ", " except from "));
        return sb.toString();
    }

    private static PacketKey key(ClassShift s) {
        String protocol =
                s.otherProtocol() ? null : Protocol.of(s.protocol()).label().toLowerCase(Locale.ROOT);
        Integer port = s.destinationPortAxis().shape() == Axis.Shape.ONLY
                ? s.representative().destinationPort()
                : null;
        Integer sourcePort = s.sourcePortAxis().shape() == Axis.Shape.ONLY
                ? s.representative().sourcePort()
                : null;
        String destination = s.destinationAxis().shape() == Axis.Shape.ONLY
                ? span(s.destinationAxis().spans().get(0), s.family())
                : null;
        return new PacketKey(
                protocol, port, sourcePort, s.family().id(), PacketKey.direction(s.direction()), destination);
    }

    private static String plural(List<Axis.Span> spans, String word) {
        return spans.size() == 1 && spans.get(0).single() ? word : word + "s";
    }

    private static String ports(List<Axis.Span> spans) {
        return spans.stream()
                .map(x -> x.single() ? x.lo().toString() : x.lo() + "-" + x.hi())
                .collect(Collectors.joining(", "));
    }

    private static String addresses(Axis axis, AddressFamily family, String only, String except) {
        return switch (axis.shape()) {
            case ONLY -> only + span(axis.spans().get(0), family);
            case EXCEPT ->
                except + axis.spans().stream().map(x -> span(x, family)).collect(Collectors.joining(", "));
            default -> "";
        };
    }

    /** A range of addresses as one address, a prefix when it is exactly one, else "first-last". */
    static String span(Axis.Span s, AddressFamily family) {
        if (s.single()) {
            return IpPrefix.formatAddress(family, s.lo());
        }
        BigInteger size = s.hi().subtract(s.lo()).add(BigInteger.ONE);
        int bits = size.bitLength() - 1;
        if (size.bitCount() == 1 && s.lo().mod(size).signum() == 0) {
            return IpPrefix.formatAddress(family, s.lo()) + "/" + (family.addressBits() - bits);
        }
        return IpPrefix.formatAddress(family, s.lo()) + "-" + IpPrefix.formatAddress(family, s.hi());
    }
}
