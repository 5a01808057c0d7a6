package io.portcullis.platform.iosxr;

import static io.portcullis.intent.Feature.EXEMPTIONS;
import static io.portcullis.intent.Feature.FROM_SUBSCRIBER;
import static io.portcullis.intent.Feature.INTERFACE_BINDINGS;
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
 * IOS-XR facts and quirks (vendor-acl-reference section 2), native YANG model. An ACE holds one
 * protocol, one source and destination network and one port operator, so a term becomes a block of
 * entries: a {@code remark} entry at {@code sequence × 1000} carrying the term name (and description),
 * then one entry per (destination prefix × source prefix × source port × destination port) at the
 * following numbers. XR ACLs have no description: the filter's is a remark at sequence 1. No REJECT
 * (a deny is a deny) and no "either port" match.
 */
public final class IosXrFacts {
    public static final String PLATFORM = "iosxr";
    public static final String NS_IPV4_ACL = "http://cisco.com/ns/yang/Cisco-IOS-XR-ipv4-acl-cfg";
    public static final String NS_IPV6_ACL = "http://cisco.com/ns/yang/Cisco-IOS-XR-ipv6-acl-cfg";
    public static final String NS_IFMGR = "http://cisco.com/ns/yang/Cisco-IOS-XR-ifmgr-cfg";
    public static final String NS_PFILTER = "http://cisco.com/ns/yang/Cisco-IOS-XR-ip-pfilter-cfg";
    public static final String NS_TMPLMGR = "http://cisco.com/ns/yang/Cisco-IOS-XR-subscriber-infra-tmplmgr-cfg";
    public static final String NS_PFILTER_SUB = "http://cisco.com/ns/yang/Cisco-IOS-XR-ip-pfilter-subscriber-cfg";

    /** Entries per term: the remark at S×1000 and at most 999 rules after it. */
    public static final int BLOCK = 1000;
    /** Largest term sequence whose block still fits under XR's 2147483646. */
    public static final int MAX_TERM_SEQUENCE = (2147483646 - (BLOCK - 1)) / BLOCK;
    /** Sequence of the remark that carries the filter description (below every term block). */
    public static final int DESCRIPTION_SEQUENCE = 1;

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
            Map.entry("www", 80),
            Map.entry("pop3", 110),
            Map.entry("sunrpc", 111),
            Map.entry("ntp", 123),
            Map.entry("netbios-ns", 137),
            Map.entry("netbios-dgm", 138),
            Map.entry("netbios-ss", 139),
            Map.entry("bgp", 179),
            Map.entry("ldap", 389),
            Map.entry("syslog", 514));

    static final Map<String, Integer> PROTOCOL_NAMES = Map.ofEntries(
            Map.entry("tcp", 6),
            Map.entry("udp", 17),
            Map.entry("icmp", 1),
            Map.entry("icmpv6", 58),
            Map.entry("igmp", 2),
            Map.entry("gre", 47),
            Map.entry("esp", 50),
            Map.entry("ahp", 51),
            Map.entry("ospf", 89),
            Map.entry("pim", 103),
            Map.entry("sctp", 132),
            Map.entry("ipinip", 4),
            Map.entry("eigrp", 88),
            Map.entry("nos", 94),
            Map.entry("pcp", 108),
            Map.entry("igrp", 9));

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
            LOGGING,
            LOGGING_IPV6));

    public static final PlatformFacts FACTS = new PlatformFacts(
            "Cisco IOS-XR (ASR 9000)",
            Action.DISCARD,
            FEATURES,
            List.of(NS_IPV4_ACL, NS_IPV6_ACL, NS_IFMGR, NS_PFILTER, NS_TMPLMGR, NS_PFILTER_SUB));

    private IosXrFacts() {}

    static String protocolName(int number, AddressFamily family) {
        return switch (number) {
            case -1 -> family == AddressFamily.IPV4 ? "ipv4" : "ipv6";
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1 -> family == AddressFamily.IPV4 ? "icmp" : "1";
            case 58 -> family == AddressFamily.IPV6 ? "icmpv6" : "58";
            default -> Integer.toString(number);
        };
    }
}
