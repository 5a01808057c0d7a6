package io.portcullis.diff;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Protocol;
import java.util.Locale;

/**
 * The representative packet of a {@link FateChange} as fields, so a JSON consumer reads "tcp", 2525, "ipv4",
 * "to-subscriber" instead of parsing "TCP/2525 toward subscribers (ipv4)".
 *
 * @param protocol    protocol name as the verifier labels it ("tcp", "udp", "icmp", or the number)
 * @param port        destination port, null when the protocol has no ports or the probe varies the source port
 * @param sourcePort  source port when the probe is about one ("TCP from port 179 …"), else null
 * @param family      "ipv4" or "ipv6"
 * @param direction   "to-subscriber" or "from-subscriber" (the words verify --json uses)
 * @param destination destination address when the probe targets a prefix the policy names, else null (any ordinary one)
 */
public record PacketKey(String protocol, Integer port, Integer sourcePort, String family, String direction, String destination) {

    public static PacketKey of(int protocol, Integer port, Integer sourcePort, AddressFamily family, Direction direction, String destination) {
        return new PacketKey(Protocol.of(protocol).label().toLowerCase(Locale.ROOT), port, sourcePort, family.id(), direction(direction),
                destination);
    }

    public static String direction(Direction d) {
        return d == Direction.TO_SUBSCRIBER ? "to-subscriber" : "from-subscriber";
    }
}
