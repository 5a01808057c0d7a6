package io.portcullis.diff;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Protocol;
import java.util.Locale;

/**
 * The representative packet of a {@link FateChange} as fields, so a JSON consumer reads "tcp", 2525, "ipv4",
 * "to-subscriber" instead of parsing "TCP/2525 toward subscribers (ipv4)".
 *
 * @param protocol    protocol name as the verifier labels it ("tcp", "udp", "icmp", or the number); null for the
 *                    class "any other protocol" (every number no term or promise names)
 * @param port        destination port when the line names one port range (the verifier's representative port of it;
 *                    the text gives the whole range), else null (no ports, or the change holds on every port / all but some)
 * @param sourcePort  source port when the line is about one ("TCP from port 179 …"), else null
 * @param family      "ipv4" or "ipv6"
 * @param direction   "to-subscriber" or "from-subscriber" (the words verify --json uses)
 * @param destination destination address, prefix or range when the line is about one ("… to 10.0.0.0/8"), else null
 *                    (any destination, or all but the ones the text lists after "except to")
 */
public record PacketKey(
        String protocol, Integer port, Integer sourcePort, String family, String direction, String destination) {

    public static PacketKey of(
            int protocol,
            Integer port,
            Integer sourcePort,
            AddressFamily family,
            Direction direction,
            String destination) {
        return new PacketKey(
                Protocol.of(protocol).label().toLowerCase(Locale.ROOT),
                port,
                sourcePort,
                family.id(),
                direction(direction),
                destination);
    }

    public static String direction(Direction d) {
        return d == Direction.TO_SUBSCRIBER ? "to-subscriber" : "from-subscriber";
    }
}
