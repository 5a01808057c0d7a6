package io.portcullis.platform.junos;

import static io.portcullis.intent.Feature.EITHER_PORTS;
import static io.portcullis.intent.Feature.EXEMPTIONS;
import static io.portcullis.intent.Feature.FROM_SUBSCRIBER;
import static io.portcullis.intent.Feature.INTERFACE_BINDINGS;
import static io.portcullis.intent.Feature.IPV4;
import static io.portcullis.intent.Feature.IPV6;
import static io.portcullis.intent.Feature.LOGGING;
import static io.portcullis.intent.Feature.LOGGING_IPV6;
import static io.portcullis.intent.Feature.PORT_RANGES;
import static io.portcullis.intent.Feature.PROFILE_BINDINGS;
import static io.portcullis.intent.Feature.REJECT;
import static io.portcullis.intent.Feature.SOURCE_PORTS;
import static io.portcullis.intent.Feature.SOURCE_PREFIXES;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Feature;
import io.portcullis.platform.PlatformFacts;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Junos facts and quirks (vendor-acl-reference section 1): filters end in an implicit discard;
 * {@code port} matches source OR destination (never rendered); inet uses {@code protocol}, inet6
 * {@code next-header}; terms have neither sequence numbers nor descriptions, so Portcullis keeps
 * both in a {@code junos:comment} annotation on the term.
 */
public final class JunosFacts {
    public static final String PLATFORM = "junos";
    public static final String JUNOS_NS = "http://xml.juniper.net/junos/*/junos";
    /** Dynamic-profile variables of the DHCP/IPoE-over-VLAN subscriber interface (reference section 1). */
    public static final String PROFILE_IFD = "$junos-interface-ifd-name";

    public static final String PROFILE_UNIT = "$junos-underlying-interface-unit";

    /** Port names Junos accepts and may return instead of numbers. */
    static final Map<String, Integer> PORT_NAMES = Map.ofEntries(
            Map.entry("smtp", 25),
            Map.entry("snmp", 161),
            Map.entry("snmptrap", 162),
            Map.entry("ftp", 21),
            Map.entry("ftp-data", 20),
            Map.entry("ssh", 22),
            Map.entry("telnet", 23),
            Map.entry("domain", 53),
            Map.entry("bootps", 67),
            Map.entry("bootpc", 68),
            Map.entry("tftp", 69),
            Map.entry("http", 80),
            Map.entry("pop3", 110),
            Map.entry("sunrpc", 111),
            Map.entry("ntp", 123),
            Map.entry("netbios-ns", 137),
            Map.entry("netbios-dgm", 138),
            Map.entry("netbios-ssn", 139),
            Map.entry("imap", 143),
            Map.entry("bgp", 179),
            Map.entry("ldap", 389),
            Map.entry("https", 443),
            Map.entry("syslog", 514),
            Map.entry("submission", 587),
            Map.entry("smtps", 465),
            Map.entry("http-alt", 8080));

    /** Protocol names Junos accepts in {@code protocol}/{@code next-header} besides numbers. */
    static final Map<String, Integer> PROTOCOL_NAMES = Map.ofEntries(
            Map.entry("tcp", 6),
            Map.entry("udp", 17),
            Map.entry("icmp", 1),
            Map.entry("icmp6", 58),
            Map.entry("icmpv6", 58),
            Map.entry("igmp", 2),
            Map.entry("gre", 47),
            Map.entry("esp", 50),
            Map.entry("ah", 51),
            Map.entry("ospf", 89),
            Map.entry("pim", 103),
            Map.entry("sctp", 132),
            Map.entry("ipip", 4),
            Map.entry("egp", 8),
            Map.entry("rsvp", 46),
            Map.entry("vrrp", 112));

    /** What this platform can express (docs/platforms.md shows the table generated from these sets). */
    public static final Set<Feature> FEATURES = Collections.unmodifiableSet(EnumSet.of(
            IPV4,
            IPV6,
            INTERFACE_BINDINGS,
            PROFILE_BINDINGS,
            FROM_SUBSCRIBER,
            PORT_RANGES,
            EXEMPTIONS,
            SOURCE_PREFIXES,
            SOURCE_PORTS,
            EITHER_PORTS,
            REJECT,
            LOGGING,
            LOGGING_IPV6));

    public static final PlatformFacts FACTS = new PlatformFacts("Junos OS (MX)", Action.DISCARD, FEATURES, List.of());

    private JunosFacts() {}

    /** The spelling rendered for a protocol number in a family (names for the common ones, as Junos shows them). */
    static String protocolName(int number, AddressFamily family) {
        return switch (number) {
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1 -> family == AddressFamily.IPV4 ? "icmp" : "1";
            case 58 -> family == AddressFamily.IPV6 ? "icmp6" : "58";
            default -> Integer.toString(number);
        };
    }
}
