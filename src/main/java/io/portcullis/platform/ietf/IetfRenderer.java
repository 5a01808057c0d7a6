package io.portcullis.platform.ietf;

import io.portcullis.intent.Action;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Feature;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Term;
import io.portcullis.platform.FeatureCheck;
import io.portcullis.platform.QuteTemplates;
import io.portcullis.platform.UnsupportedFeatureException;
import io.portcullis.platform.ietf.IetfView.AceView;
import io.portcullis.platform.ietf.IetfView.AclView;
import io.portcullis.platform.ietf.IetfView.InterfaceView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** IR → data for {@code templates/ietf/*}; checks first that the IR fits RFC 8519. */
public final class IetfRenderer {
    private static final int MAX_NAME = 64;

    private IetfRenderer() {}

    public static String config(FilterIntent intent) {
        return QuteTemplates.render("ietf/config.xml", data(intent));
    }

    public static String text(FilterIntent intent) {
        return QuteTemplates.render("ietf/text.txt", data(intent));
    }

    public static String removal(FilterIntent owned) {
        return QuteTemplates.render("ietf/removal.xml", data(owned));
    }

    public static String subtreeFilter(FilterIntent intent) {
        return QuteTemplates.render("ietf/filter.xml", data(intent));
    }

    static Map<String, Object> data(FilterIntent intent) {
        List<AclView> acls = new ArrayList<>();
        for (Filter f : intent.filters()) {
            FeatureCheck.require(
                    IetfFacts.FACTS,
                    FeatureCheck.needs(f, IetfFacts.FACTS.implicitDefault()),
                    IetfFacts.PLATFORM,
                    null,
                    need -> need == Feature.DEFAULT_ACTION
                            ? "default action " + f.defaultAction() + " for ACL " + f.name()
                                    + " (the end of an ACL is implementation-defined; end with a match-all ace instead)"
                            : null);
            if (f.name().length() > MAX_NAME) {
                throw new UnsupportedFeatureException(
                        Feature.NAMES,
                        "an ACL name longer than " + MAX_NAME + " characters (" + f.name() + ")",
                        null,
                        IetfFacts.PLATFORM);
            }
            List<AceView> aces = new ArrayList<>();
            f.terms().forEach(t -> aces.addAll(aces(f, t)));
            acls.add(new AclView(
                    f.name(), IetfFacts.aclType(f.family()), f.family().id(), aces));
        }
        return Map.of("acls", acls, "interfaces", interfaces(intent.bindings()));
    }

    private static List<AceView> aces(Filter f, Term term) {
        String platform = IetfFacts.PLATFORM;
        Match m = term.match();
        FeatureCheck.require(
                IetfFacts.FACTS, FeatureCheck.needs(f, term), platform, term.name(), need -> switch (need) {
                    case EITHER_PORTS -> "a source-or-destination port match";
                    case SOURCE_PORTS, SOURCE_PREFIXES ->
                        "a source-port or source-prefix match (Portcullis writes destination matches only)";
                    default -> null;
                });
        if (!m.destinationPorts().isEmpty() && !m.protocol().hasPorts()) {
            throw new UnsupportedFeatureException(
                    Feature.PROTOCOLS,
                    "a port match on protocol " + m.protocol() + " (RFC 8519 ports live under tcp/udp)",
                    term.name(),
                    platform);
        }
        for (IpPrefix p : m.destinationPrefixes()) {
            if (p.family() != f.family()) {
                throw new UnsupportedFeatureException(
                        Feature.PREFIX_FAMILY,
                        "a " + p.family().id() + " prefix in a " + f.family().id() + " ACL",
                        term.name(),
                        platform);
            }
        }
        List<IpPrefix> prefixes =
                m.destinationPrefixes().isEmpty() ? Arrays.asList((IpPrefix) null) : m.destinationPrefixes();
        List<PortRange> ports = m.destinationPorts().isEmpty() ? Arrays.asList((PortRange) null) : m.destinationPorts();
        int count = prefixes.size() * ports.size();
        if (term.name().contains(IetfFacts.SPLIT)
                || term.name().length()
                                + (count > 1 ? 1 + Integer.toString(count).length() : 0)
                        > MAX_NAME) {
            throw new UnsupportedFeatureException(
                    Feature.NAMES,
                    "a term name that is longer than " + MAX_NAME + " characters with its suffix or contains '"
                            + IetfFacts.SPLIT + "'",
                    term.name(),
                    platform);
        }
        String protocol =
                m.protocol().isAny() ? null : Integer.toString(m.protocol().number());
        String l4 = m.destinationPorts().isEmpty() ? null : m.protocol().number() == 6 ? "tcp" : "udp";
        String networkLeaf = "destination-" + f.family().id() + "-network";
        List<AceView> out = new ArrayList<>();
        int k = 1;
        for (IpPrefix prefix : prefixes) {
            for (PortRange port : ports) {
                String name = k == 1 ? term.name() : term.name() + IetfFacts.SPLIT + k;
                k++;
                out.add(new AceView(
                        name,
                        protocol,
                        networkLeaf,
                        prefix == null ? null : prefix.toString(),
                        l4,
                        port != null && port.isSingle() ? Integer.toString(port.from()) : null,
                        port != null && !port.isSingle() ? Integer.toString(port.from()) : null,
                        port != null && !port.isSingle() ? Integer.toString(port.to()) : null,
                        forwarding(term.action()),
                        term.log(),
                        term.name()));
            }
        }
        return out;
    }

    private static String forwarding(Action a) {
        return switch (a) {
            case ACCEPT -> "accept";
            case DISCARD -> "drop";
            case REJECT -> "reject";
        };
    }

    private static List<InterfaceView> interfaces(List<Binding> bindings) {
        Map<String, InterfaceView> byId = new LinkedHashMap<>();
        for (Binding b : bindings) {
            FeatureCheck.require(
                    IetfFacts.FACTS,
                    FeatureCheck.needs(b),
                    IetfFacts.PLATFORM,
                    null,
                    need -> need == Feature.PROFILE_BINDINGS
                            ? "a subscriber-profile binding ('" + b.point()
                                    + "'; RFC 8519 has no subscriber-template concept, bind static interfaces instead)"
                            : null);
            InterfaceView v =
                    byId.computeIfAbsent(b.point(), id -> new InterfaceView(id, new ArrayList<>(), new ArrayList<>()));
            (b.direction() == Direction.TO_SUBSCRIBER ? v.egress() : v.ingress()).add(b.filterName());
        }
        return List.copyOf(byId.values());
    }
}
