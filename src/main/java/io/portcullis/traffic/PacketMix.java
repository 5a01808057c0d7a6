package io.portcullis.traffic;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Direction;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Protocol;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic traffic of a BNG's access side, per family: web and other traffic toward subscribers (the
 * bulk), inbound SNMP and SMTP probes toward subscribers (UDP 161; TCP 25, 465, 587, 2525), and mail that
 * subscribers send out (TCP 25 and 587 from subscribers, which must keep working). IPv4 carries about two
 * thirds of the packets. Addresses are documentation ranges on the internet side and CGNAT / ULA-style
 * subscriber addresses.
 */
public final class PacketMix {
    static final BigInteger SUBSCRIBER_V4 = IpPrefix.parse("100.64.1.10/32").first();
    static final BigInteger INTERNET_V4 = IpPrefix.parse("198.51.100.7/32").first();
    static final BigInteger SUBSCRIBER_V6 =
            IpPrefix.parse("2001:db8:100::10/128").first();
    static final BigInteger INTERNET_V6 = IpPrefix.parse("2001:db8:ffff::7/128").first();

    private static final List<PacketClass> STANDARD = build();

    private PacketMix() {}

    public static List<PacketClass> standard() {
        return STANDARD;
    }

    private static List<PacketClass> build() {
        List<PacketClass> out = new ArrayList<>();
        for (AddressFamily f : AddressFamily.values()) {
            int share = f == AddressFamily.IPV4 ? 2 : 1;
            String v = f == AddressFamily.IPV4 ? "-v4" : "-v6";
            BigInteger sub = f == AddressFamily.IPV4 ? SUBSCRIBER_V4 : SUBSCRIBER_V6;
            BigInteger net = f == AddressFamily.IPV4 ? INTERNET_V4 : INTERNET_V6;
            Protocol icmp = f == AddressFamily.IPV4 ? Protocol.ICMP : Protocol.ICMPV6;
            // toward subscribers: the internet answers subscribers' sessions (destination = subscriber's ephemeral
            // port)
            out.add(in(
                    "web-https" + v, PacketClass.Kind.WEB, f, Protocol.TCP, 443, 51000, net, sub, 300 * share, 1200));
            out.add(in("web-http" + v, PacketClass.Kind.WEB, f, Protocol.TCP, 80, 51001, net, sub, 60 * share, 1000));
            out.add(in("dns-reply" + v, PacketClass.Kind.OTHER, f, Protocol.UDP, 53, 40000, net, sub, 30 * share, 120));
            out.add(in("quic" + v, PacketClass.Kind.OTHER, f, Protocol.UDP, 443, 52000, net, sub, 60 * share, 1200));
            out.add(in("icmp" + v, PacketClass.Kind.OTHER, f, icmp, -1, -1, net, sub, 5 * share, 84));
            // probes toward subscribers: what the promise blocks
            out.add(in(
                    "snmp-161-probe" + v,
                    PacketClass.Kind.SNMP_PROBE,
                    f,
                    Protocol.UDP,
                    33000,
                    161,
                    net,
                    sub,
                    3 * share,
                    90));
            for (int port : new int[] {25, 465, 587, 2525}) {
                out.add(in(
                        "smtp-" + port + "-probe" + v,
                        PacketClass.Kind.SMTP_PROBE,
                        f,
                        Protocol.TCP,
                        33001,
                        port,
                        net,
                        sub,
                        2 * share,
                        60));
            }
            // subscribers sending mail out (must be forwarded)
            for (int port : new int[] {25, 587}) {
                out.add(new PacketClass(
                        "mail-out-" + port + v,
                        PacketClass.Kind.OUTBOUND_MAIL,
                        f,
                        Direction.FROM_SUBSCRIBER,
                        Protocol.TCP,
                        50000 + port,
                        port,
                        sub,
                        net,
                        3 * share,
                        800));
            }
        }
        return List.copyOf(out);
    }

    private static PacketClass in(
            String label,
            PacketClass.Kind kind,
            AddressFamily f,
            Protocol p,
            int sport,
            int dport,
            BigInteger src,
            BigInteger dst,
            int weight,
            int bytes) {
        return new PacketClass(label, kind, f, Direction.TO_SUBSCRIBER, p, sport, dport, src, dst, weight, bytes);
    }

    public static int totalWeight(List<PacketClass> mix) {
        return mix.stream().mapToInt(PacketClass::weight).sum();
    }
}
