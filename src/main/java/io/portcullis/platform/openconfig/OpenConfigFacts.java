package io.portcullis.platform.openconfig;

import static io.portcullis.intent.Feature.EXEMPTIONS;
import static io.portcullis.intent.Feature.FROM_SUBSCRIBER;
import static io.portcullis.intent.Feature.INTERFACE_BINDINGS;
import static io.portcullis.intent.Feature.IPV4;
import static io.portcullis.intent.Feature.IPV6;
import static io.portcullis.intent.Feature.LOGGING;
import static io.portcullis.intent.Feature.LOGGING_IPV6;
import static io.portcullis.intent.Feature.PORT_RANGES;
import static io.portcullis.intent.Feature.REJECT;

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
 * openconfig-acl 1.3.3 facts (vendor reference section 5). The end of an acl-set is
 * implementation-defined, so Portcullis assumes DISCARD and always writes a final accept. No
 * subscriber-template concept: only static interfaces bind. Entries are keyed by number only and
 * match one destination port or range and one prefix each, so a term becomes one entry per
 * (prefix, port) pair at consecutive sequence-ids; the term's name and counter name live in the
 * entry description (the model has config counters nowhere).
 */
public final class OpenConfigFacts {
    public static final String PLATFORM = "openconfig";
    public static final String NS_ACL = "http://openconfig.net/yang/acl";
    public static final String NS_PACKET_MATCH_TYPES = "http://openconfig.net/yang/packet-match-types";
    /** What this platform can express (docs/platforms.md shows the table generated from these sets). */
    public static final Set<Feature> FEATURES = Collections.unmodifiableSet(EnumSet.of(
            IPV4, IPV6, INTERFACE_BINDINGS, FROM_SUBSCRIBER, PORT_RANGES, EXEMPTIONS, REJECT, LOGGING, LOGGING_IPV6));

    public static final PlatformFacts FACTS =
            new PlatformFacts("OpenConfig (openconfig-acl)", Action.DISCARD, FEATURES, List.of(NS_ACL));

    /** IP_PROTOCOL identities of openconfig-packet-match-types and their numbers. */
    static final Map<String, Integer> PROTOCOL_IDENTITIES = Map.of(
            "IP_TCP",
            6,
            "IP_UDP",
            17,
            "IP_ICMP",
            1,
            "IP_IGMP",
            2,
            "IP_PIM",
            103,
            "IP_RSVP",
            46,
            "IP_GRE",
            47,
            "IP_AUTH",
            51,
            "IP_L2TP",
            115,
            "IP_IN_IP",
            4);

    private OpenConfigFacts() {}

    static String aclType(AddressFamily family) {
        return family == AddressFamily.IPV4 ? "ACL_IPV4" : "ACL_IPV6";
    }

    static AddressFamily family(String aclType) {
        return switch (aclType) {
            case "ACL_IPV4" -> AddressFamily.IPV4;
            case "ACL_IPV6" -> AddressFamily.IPV6;
            default -> null;
        };
    }
}
