package io.portcullis.traffic;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Protocol;
import java.math.BigInteger;

/**
 * One kind of packet in the lab's mix.
 *
 * @param label  stable name ("smtp-2525-probe-v4") used in counters and tests
 * @param kind   what it stands for (web, other, probe, outbound mail)
 * @param weight relative share of the packets per second
 * @param bytes  size of one packet, for byte counters
 */
public record PacketClass(
        String label,
        Kind kind,
        AddressFamily family,
        Direction direction,
        Protocol protocol,
        int sourcePort,
        int destinationPort,
        BigInteger source,
        BigInteger destination,
        int weight,
        int bytes) {

    /** The mix's categories; probes are what the policy promises to drop. */
    public enum Kind {
        WEB,
        OTHER,
        SNMP_PROBE,
        SMTP_PROBE,
        OUTBOUND_MAIL
    }
}
