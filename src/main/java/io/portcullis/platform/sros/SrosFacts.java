package io.portcullis.platform.sros;

import static io.portcullis.intent.Feature.CHAINING;
import static io.portcullis.intent.Feature.DEFAULT_ACTION;
import static io.portcullis.intent.Feature.EITHER_PORTS;
import static io.portcullis.intent.Feature.EXEMPTIONS;
import static io.portcullis.intent.Feature.FROM_SUBSCRIBER;
import static io.portcullis.intent.Feature.IPV4;
import static io.portcullis.intent.Feature.IPV6;
import static io.portcullis.intent.Feature.LOGGING;
import static io.portcullis.intent.Feature.LOGGING_IPV6;
import static io.portcullis.intent.Feature.PORT_RANGES;
import static io.portcullis.intent.Feature.PROFILE_BINDINGS;
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
 * Nokia SR OS (7750 BNG), model-driven nokia-conf (vendor-acl-reference section 3, 19.7 model set).
 * Quirks: {@code default-action} defaults to drop (rendered from {@code Filter.defaultAction}); entry
 * stats are automatic, so a term's counter name lives in the entry description
 * ({@code name #counter | description}, 80 characters at most); several ports or prefixes in one
 * term need owned {@code match-list} port/prefix lists; {@code port} matches source OR destination.
 * Static interfaces are not bound: a SAP egress filter sits under
 * {@code service/<type>[service]/interface[name]/sap[sap-id]/egress/filter}, which one inventory
 * interface name cannot address cleanly, so INTERFACE bindings are refused (bind an sla-profile).
 * Chaining ({@code canChain}): only by embedding into a foreign sla-profile egress filter
 * ({@link SrosChaining}); ingress and SAP filters are not chained.
 */
public final class SrosFacts {
    public static final String PLATFORM = "sros";
    public static final String NS_CONF = "urn:nokia.com:sros:ns:yang:sr:conf";
    /** types-sros:description is 1..80 printable ASCII characters. */
    public static final int DESCRIPTION_MAX = 80;

    public static final int ENTRY_ID_MAX = 2097151;
    /** The system filter log every SR OS has; entries that log point at it. */
    public static final String DEFAULT_LOG_ID = "101";

    static final Map<String, Integer> PROTOCOL_NAMES = Map.ofEntries(
            Map.entry("icmp", 1),
            Map.entry("igmp", 2),
            Map.entry("ip", 4),
            Map.entry("tcp", 6),
            Map.entry("egp", 8),
            Map.entry("igp", 9),
            Map.entry("udp", 17),
            Map.entry("rdp", 27),
            Map.entry("ipv6", 41),
            Map.entry("ipv6-route", 43),
            Map.entry("ipv6-frag", 44),
            Map.entry("idrp", 45),
            Map.entry("rsvp", 46),
            Map.entry("gre", 47),
            Map.entry("ipv6-icmp", 58),
            Map.entry("ipv6-no-nxt", 59),
            Map.entry("ipv6-opts", 60),
            Map.entry("iso-ip", 80),
            Map.entry("eigrp", 88),
            Map.entry("ospf-igp", 89),
            Map.entry("ether-ip", 97),
            Map.entry("encap", 98),
            Map.entry("pnni", 102),
            Map.entry("pim", 103),
            Map.entry("vrrp", 112),
            Map.entry("l2tp", 115),
            Map.entry("stp", 118),
            Map.entry("ptp", 123),
            Map.entry("isis", 124),
            Map.entry("crtp", 126),
            Map.entry("crudp", 127),
            Map.entry("sctp", 132));

    /** What this platform can express (docs/platforms.md shows the table generated from these sets). */
    public static final Set<Feature> FEATURES = Collections.unmodifiableSet(EnumSet.of(
            IPV4,
            IPV6,
            PROFILE_BINDINGS,
            FROM_SUBSCRIBER,
            PORT_RANGES,
            EXEMPTIONS,
            SOURCE_PREFIXES,
            SOURCE_PORTS,
            EITHER_PORTS,
            LOGGING,
            LOGGING_IPV6,
            DEFAULT_ACTION,
            CHAINING));

    public static final PlatformFacts FACTS =
            new PlatformFacts("Nokia SR OS (7750 SR)", Action.DISCARD, FEATURES, List.of(NS_CONF));

    private SrosFacts() {}

    static String protocolName(int number, AddressFamily family) {
        return switch (number) {
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1 -> family == AddressFamily.IPV4 ? "icmp" : "1";
            case 58 -> "ipv6-icmp";
            default -> Integer.toString(number);
        };
    }
}
