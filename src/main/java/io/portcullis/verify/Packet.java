package io.portcullis.verify;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.Direction;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Protocol;
import java.math.BigInteger;

/**
 * One concrete packet at one attach point. Ports are -1 for protocols without ports.
 *
 * @param exempt the destination lies in a prefix the promise exempts (for display; the expectation
 *               is computed per blocked flow)
 */
public record Packet(
        AddressFamily family,
        Protocol protocol,
        int sourcePort,
        int destinationPort,
        BigInteger sourceAddress,
        BigInteger destinationAddress,
        boolean exempt,
        Direction direction,
        AttachPoint attachPoint) {

    public boolean hasPorts() {
        return protocol.hasPorts();
    }

    public String sourceAddressText() {
        return IpPrefix.formatAddress(family, sourceAddress);
    }

    public String destinationAddressText() {
        return IpPrefix.formatAddress(family, destinationAddress);
    }

    /** e.g. {@code TCP 192.0.2.1:25 → 198.51.100.7:587 ipv4 toward subscriber at ge-1/0/0.100}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(protocolName(protocol)).append(' ');
        sb.append(endpoint(sourceAddressText(), sourcePort))
                .append(" → ")
                .append(endpoint(destinationAddressText(), destinationPort));
        sb.append(' ').append(family.id());
        if (exempt) {
            sb.append(" (exempt destination)");
        }
        sb.append(direction == Direction.TO_SUBSCRIBER ? " toward subscriber" : " from subscriber");
        if (attachPoint != null) {
            sb.append(" at ").append(attachPoint.name());
        }
        return sb.toString();
    }

    private String endpoint(String address, int port) {
        if (!hasPorts() || port < 0) {
            return address;
        }
        return family == AddressFamily.IPV6 ? "[" + address + "]:" + port : address + ":" + port;
    }

    public static String protocolName(Protocol p) {
        return switch (p.number()) {
            case 6 -> "TCP";
            case 17 -> "UDP";
            case 1 -> "ICMP";
            case 58 -> "ICMPv6";
            case 47 -> "GRE";
            case -1 -> "ANY";
            default -> "IP-proto-" + p.number();
        };
    }
}
