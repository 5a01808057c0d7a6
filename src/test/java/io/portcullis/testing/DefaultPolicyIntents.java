package io.portcullis.testing;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The IR of the seed's default policy (toward subscribers drop UDP 161 and TCP 25/465/587/2525,
 * IPv4 and IPv6), written out by hand per platform so golden files do not depend on the compiler;
 * {@code DefaultPolicyIntentsTest} asserts the compiler produces exactly this. The "exemption" case
 * adds a business-customer prefix exempt from the SMTP block.
 */
public final class DefaultPolicyIntents {
    public static final String POLICY_NAME = "subscriber-protection";
    public static final IpPrefix EXEMPT_V4 = IpPrefix.parse("198.51.100.0/24");
    public static final IpPrefix EXEMPT_V6 = IpPrefix.parse("2001:db8:100::/48");
    public static final String EXEMPTION = "business-mail";
    public static final String EXEMPTION_REASON = "hosted mail servers";
    /**
     * The policy stamps (intent.FilterStamp) of the two cases, written out: a change of the digest's canonical form
     * would rewrite every router's filter descriptions on upgrade, so it must be deliberate.
     */
    public static final String DEFAULT_DIGEST = "sha256:c81cfd30";

    public static final String EXEMPTION_DIGEST = "sha256:0833c5d3";

    /** Attach points used per platform: interfaces, then profiles (as an inventory would list them). */
    public static final Map<String, List<List<String>>> ATTACH = Map.of(
            "junos", List.of(List.of("ge-1/0/0.100"), List.of("PPPOE-SUB")),
            "iosxr", List.of(List.of("Bundle-Ether1.100"), List.of("IPOE-SUB")),
            "sros", List.of(List.of(), List.of("RESIDENTIAL")),
            // vrp binds nowhere: no obtainable Huawei YANG for traffic-filter/UCL application (see
            // platform.vrp.VrpFacts)
            "vrp", List.of(List.of(), List.of()),
            "openconfig", List.of(List.of("Bundle-Ether1.100"), List.of()),
            "ietf", List.of(List.of("ge-0/0/1.100"), List.of()));

    private DefaultPolicyIntents() {}

    public static List<String> interfaces(String platform) {
        return ATTACH.get(platform).get(0);
    }

    public static List<String> profiles(String platform) {
        return ATTACH.get(platform).get(1);
    }

    /** The default policy compiled for device {@code bng-<platform>}, with the platform's implicit default. */
    public static FilterIntent forPlatform(String platform, Action implicitDefault) {
        return build(platform, implicitDefault, false);
    }

    /** The default policy plus the SMTP exemption for {@link #EXEMPT_V4}/{@link #EXEMPT_V6}. */
    public static FilterIntent withExemption(String platform, Action implicitDefault) {
        return build(platform, implicitDefault, true);
    }

    private static FilterIntent build(String platform, Action implicitDefault, boolean exemption) {
        List<Filter> filters = new ArrayList<>();
        List<Binding> bindings = new ArrayList<>();
        for (AddressFamily family : List.of(AddressFamily.IPV4, AddressFamily.IPV6)) {
            String v = family == AddressFamily.IPV4 ? "v4" : "v6";
            String name = "PORTCULLIS-SUBPROTECT-" + v.toUpperCase(java.util.Locale.ROOT);
            List<Term> terms = new ArrayList<>();
            terms.add(new Term(
                    "deny-snmp",
                    10,
                    Match.destinationPorts(Protocol.UDP, List.of(PortRange.single(161))),
                    Action.DISCARD,
                    "portcullis-snmp-" + v,
                    false,
                    "portcullis: block snmp"));
            List<PortRange> smtp =
                    List.of(PortRange.single(25), PortRange.single(465), PortRange.single(587), PortRange.single(2525));
            int seq = 20;
            if (exemption) {
                IpPrefix p = family == AddressFamily.IPV4 ? EXEMPT_V4 : EXEMPT_V6;
                terms.add(new Term(
                        "exempt-" + EXEMPTION,
                        seq,
                        Match.destinationPorts(Protocol.TCP, smtp).withDestinationPrefixes(List.of(p)),
                        Action.ACCEPT,
                        null,
                        false,
                        "portcullis: exemption " + EXEMPTION + " from smtp: " + EXEMPTION_REASON));
                seq += 10;
            }
            terms.add(new Term(
                    "deny-smtp",
                    seq,
                    Match.destinationPorts(Protocol.TCP, smtp),
                    Action.DISCARD,
                    "portcullis-smtp-" + v,
                    false,
                    "portcullis: block smtp"));
            terms.add(new Term(
                    "accept-rest",
                    65000,
                    Match.ANY,
                    Action.ACCEPT,
                    null,
                    false,
                    "portcullis: forward everything else"));
            filters.add(new Filter(name, family, terms, implicitDefault, null));
        }
        String stamp = "portcullis policy " + (exemption ? EXEMPTION_DIGEST : DEFAULT_DIGEST) + " " + POLICY_NAME;
        filters.replaceAll(f -> new Filter(f.name(), f.family(), f.terms(), f.defaultAction(), stamp));
        // compiler order: per filter, every attach point (interfaces first, then profiles)
        for (Filter f : filters) {
            for (String i : interfaces(platform)) {
                bindings.add(new Binding(AttachKind.INTERFACE, i, f.family(), Direction.TO_SUBSCRIBER, f.name()));
            }
            for (String p : profiles(platform)) {
                bindings.add(new Binding(AttachKind.PROFILE, p, f.family(), Direction.TO_SUBSCRIBER, f.name()));
            }
        }
        return new FilterIntent("bng-" + platform, platform, filters, bindings);
    }
}
