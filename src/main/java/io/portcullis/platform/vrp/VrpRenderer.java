package io.portcullis.platform.vrp;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Feature;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Term;
import io.portcullis.platform.FeatureCheck;
import io.portcullis.platform.QuteTemplates;
import io.portcullis.platform.TermNotes;
import io.portcullis.platform.UnsupportedFeatureException;
import io.portcullis.platform.vrp.VrpView.GroupView;
import io.portcullis.platform.vrp.VrpView.RuleView;
import io.portcullis.platform.vrp.VrpView.Section;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** IR → data for {@code templates/vrp/*}; checks first that the IR fits huawei-acl. */
public final class VrpRenderer {
    private VrpRenderer() {}

    public static String config(FilterIntent intent) {
        return QuteTemplates.render("vrp/config.xml", data(intent));
    }

    public static String text(FilterIntent intent) {
        return QuteTemplates.render("vrp/text.txt", data(intent));
    }

    public static String removal(FilterIntent owned) {
        return QuteTemplates.render("vrp/removal.xml", data(owned, false));
    }

    public static String subtreeFilter(FilterIntent intent) {
        return QuteTemplates.render("vrp/filter.xml", Map.of());
    }

    static Map<String, Object> data(FilterIntent intent) {
        return data(intent, true);
    }

    /** @param bindingsMatter false for removal: an owned filter goes whatever the IR says about bindings */
    private static Map<String, Object> data(FilterIntent intent, boolean bindingsMatter) {
        if (bindingsMatter) {
            for (Binding b : intent.bindings()) {
                // VrpFacts.FEATURES has no binding kind at all, so every binding is refused here, in these words
                FeatureCheck.require(
                        VrpFacts.FACTS,
                        FeatureCheck.needs(b),
                        VrpFacts.PLATFORM,
                        null,
                        need -> "a binding of " + b.filterName() + " at "
                                + b.kind().name().toLowerCase(java.util.Locale.ROOT) + " '" + b.point()
                                + "' (the Huawei YANG for traffic-filter / UCL"
                                + " application was not obtainable, so Portcullis writes only the ACLs; apply them with 'traffic-filter outbound acl name'"
                                + " or the global UCL policy)");
            }
        }
        List<GroupView> v4 = new ArrayList<>();
        List<GroupView> v6 = new ArrayList<>();
        for (Filter f : intent.filters()) {
            (f.family() == AddressFamily.IPV4 ? v4 : v6).add(group(f));
        }
        List<Section> sections = new ArrayList<>();
        if (!v4.isEmpty()) {
            sections.add(new Section("aclGroups", "aclGroup", "aclRuleAdv4s", "aclRuleAdv4", false, v4));
        }
        if (!v6.isEmpty()) {
            sections.add(new Section("aclGroup6s", "aclGroup6", "aclRuleAdv6s", "aclRuleAdv6", true, v6));
        }
        return Map.of("sections", sections);
    }

    private static GroupView group(Filter f) {
        String p = VrpFacts.PLATFORM;
        FeatureCheck.require(
                VrpFacts.FACTS,
                FeatureCheck.needs(f, VrpFacts.FACTS.implicitDefault()),
                p,
                null,
                need -> need == Feature.DEFAULT_ACTION
                        ? "default action " + f.defaultAction() + " for ACL " + f.name()
                                + " (end the ACL with a match-all rule instead)"
                        : null);
        if (f.name().length() > VrpFacts.MAX_NAME
                || !VrpFacts.ACL_NAME.matcher(f.name()).matches()) {
            throw new UnsupportedFeatureException(
                    Feature.NAMES,
                    "ACL name '" + f.name() + "' (huawei-acl names are 1..32 characters, a letter first, no spaces)",
                    null,
                    p);
        }
        if (f.description() != null && !VrpFacts.validDescription(f.description())) {
            throw new UnsupportedFeatureException(
                    Feature.DESCRIPTIONS,
                    "ACL description '" + f.description()
                            + "' (1..127 characters, no '?', no leading or trailing space)",
                    null,
                    p);
        }
        List<RuleView> rules = new ArrayList<>();
        List<Term> terms = f.terms();
        for (int t = 0; t < terms.size(); t++) {
            long next = t + 1 < terms.size() ? terms.get(t + 1).sequence() : 4294967295L;
            rules.addAll(rules(f, terms.get(t), next));
        }
        return new GroupView(f.name(), f.description(), rules);
    }

    private static List<RuleView> rules(Filter f, Term term, long next) {
        String p = VrpFacts.PLATFORM;
        Match m = term.match();
        FeatureCheck.require(VrpFacts.FACTS, FeatureCheck.needs(f, term), p, term.name(), need -> switch (need) {
            case EITHER_PORTS -> "a source-or-destination port match";
            case SOURCE_PORTS, SOURCE_PREFIXES ->
                "a source-port or source-prefix match (Portcullis writes destination matches only)";
            case REJECT -> "the reject action (huawei-acl rules permit or deny)";
            case LOGGING_IPV6 -> "logging in an IPv6 rule (huawei-acl aclRuleAdv6 has no aclLogFlag)";
            default -> null;
        });
        if (!m.destinationPorts().isEmpty() && !m.protocol().hasPorts()) {
            throw new UnsupportedFeatureException(
                    Feature.PROTOCOLS,
                    "a port match on protocol " + m.protocol() + " (ports need tcp or udp)",
                    term.name(),
                    p);
        }
        if (m.protocol().number() == 0) {
            throw new UnsupportedFeatureException(
                    Feature.PROTOCOLS, "protocol number 0 (huawei-acl uses 0 for 'any')", term.name(), p);
        }
        for (IpPrefix prefix : m.destinationPrefixes()) {
            if (prefix.family() != f.family() || prefix.length() == 0) {
                throw new UnsupportedFeatureException(
                        Feature.PREFIX_FAMILY,
                        "destination prefix " + prefix + " in a " + f.family().id() + " ACL",
                        term.name(),
                        p);
            }
        }
        List<IpPrefix> prefixes =
                m.destinationPrefixes().isEmpty() ? Arrays.asList((IpPrefix) null) : m.destinationPrefixes();
        List<PortRange> ports = m.destinationPorts().isEmpty() ? Arrays.asList((PortRange) null) : m.destinationPorts();
        int count = prefixes.size() * ports.size();
        String suffixed = count > 1 ? term.name() + VrpFacts.SPLIT + count : term.name();
        if (term.name().contains(VrpFacts.SPLIT)
                || suffixed.length() > VrpFacts.MAX_NAME
                || !VrpFacts.RULE_NAME.matcher(term.name()).matches()) {
            throw new UnsupportedFeatureException(
                    Feature.NAMES,
                    "rule name '" + suffixed + "' (1..32 characters without spaces, '?' or '#')",
                    term.name(),
                    p);
        }
        if (term.sequence() + count - 1 >= next) {
            throw new UnsupportedFeatureException(
                    Feature.SEQUENCES,
                    count + " prefix/port combinations, which need rule IDs " + term.sequence() + ".."
                            + (term.sequence() + count - 1) + " but the next rule starts at " + next,
                    term.name(),
                    p);
        }
        if (term.counter() != null && !TermNotes.storable(term.counter())) {
            throw new UnsupportedFeatureException(
                    Feature.NAMES, "counter name '" + term.counter() + "' with whitespace", term.name(), p);
        }
        Map<String, String> notes = new java.util.LinkedHashMap<>();
        notes.put("counter", term.counter());
        String description = TermNotes.encode(notes, term.description());
        if (description != null && !VrpFacts.validDescription(description)) {
            throw new UnsupportedFeatureException(
                    Feature.DESCRIPTIONS,
                    "rule description '" + description + "' (1..127 characters, no '?', no leading or trailing space)",
                    term.name(),
                    p);
        }
        String action = term.action() == Action.ACCEPT ? "permit" : "deny";
        int protocol = m.protocol().isAny() ? 0 : m.protocol().number();
        List<RuleView> out = new ArrayList<>();
        int k = 1;
        for (IpPrefix prefix : prefixes) {
            for (PortRange port : ports) {
                String name = k == 1 ? term.name() : term.name() + VrpFacts.SPLIT + k;
                long id = term.sequence() + k - 1;
                k++;
                String ip = prefix == null ? null : prefix.addressText();
                String wild = prefix == null
                        ? null
                        : f.family() == AddressFamily.IPV4 ? wildcard(prefix) : Integer.toString(prefix.length());
                String op = port == null ? null : port.isSingle() ? "eq" : "range";
                String b = port == null ? null : Integer.toString(port.from());
                String e = port == null || port.isSingle() ? null : Integer.toString(port.to());
                String cli = "rule " + id + " name " + name + " " + action + " " + protocolName(protocol, f.family())
                        + (ip == null
                                ? ""
                                : " destination " + ip + (f.family() == AddressFamily.IPV4 ? " " + wild : "/" + wild))
                        + (op == null
                                ? ""
                                : " destination-port " + (op.equals("eq") ? "eq " + b : "range " + b + " " + e))
                        + (term.log() ? " logging" : "");
                out.add(new RuleView(name, id, action, protocol, ip, wild, op, b, e, description, term.log(), cli));
            }
        }
        return out;
    }

    /** Cisco-style inverse mask: /24 → 0.0.0.255. */
    static String wildcard(IpPrefix p) {
        BigInteger host = BigInteger.ONE.shiftLeft(32 - p.length()).subtract(BigInteger.ONE);
        return IpPrefix.formatAddress(AddressFamily.IPV4, host);
    }

    private static String protocolName(int protocol, AddressFamily family) {
        return switch (protocol) {
            case 0 -> family == AddressFamily.IPV4 ? "ip" : "ipv6";
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1 -> "icmp";
            case 58 -> "icmpv6";
            default -> Integer.toString(protocol);
        };
    }
}
