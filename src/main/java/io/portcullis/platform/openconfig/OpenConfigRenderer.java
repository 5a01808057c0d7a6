package io.portcullis.platform.openconfig;

import io.portcullis.intent.Action;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Feature;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import io.portcullis.platform.FeatureCheck;
import io.portcullis.platform.QuteTemplates;
import io.portcullis.platform.TermNotes;
import io.portcullis.platform.UnsupportedFeatureException;
import io.portcullis.platform.openconfig.OpenConfigView.EntryView;
import io.portcullis.platform.openconfig.OpenConfigView.InterfaceView;
import io.portcullis.platform.openconfig.OpenConfigView.SetRef;
import io.portcullis.platform.openconfig.OpenConfigView.SetView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** IR → data for {@code templates/openconfig/*}; checks first that the IR fits the model. */
public final class OpenConfigRenderer {
    private OpenConfigRenderer() {}

    public static String config(FilterIntent intent) {
        return QuteTemplates.render("openconfig/config.xml", data(intent));
    }

    public static String text(FilterIntent intent) {
        return QuteTemplates.render("openconfig/text.txt", data(intent));
    }

    public static String removal(FilterIntent owned) {
        return QuteTemplates.render("openconfig/removal.xml", data(owned));
    }

    public static String subtreeFilter(FilterIntent intent) {
        return QuteTemplates.render("openconfig/filter.xml", data(intent));
    }

    static Map<String, Object> data(FilterIntent intent) {
        List<SetView> sets = new ArrayList<>();
        for (Filter f : intent.filters()) {
            sets.add(set(f));
        }
        return Map.of("sets", sets, "interfaces", interfaces(intent.bindings()));
    }

    private static SetView set(Filter f) {
        FeatureCheck.require(
                OpenConfigFacts.FACTS,
                FeatureCheck.needs(f, OpenConfigFacts.FACTS.implicitDefault()),
                OpenConfigFacts.PLATFORM,
                null,
                need -> need == Feature.DEFAULT_ACTION
                        ? "default action " + f.defaultAction() + " for filter " + f.name()
                                + " (the end of an acl-set is implementation-defined; end with a match-all term instead)"
                        : null);
        List<EntryView> entries = new ArrayList<>();
        List<Term> terms = f.terms();
        for (int t = 0; t < terms.size(); t++) {
            Term term = terms.get(t);
            long limit = t + 1 < terms.size() ? terms.get(t + 1).sequence() : 4294967295L;
            entries.addAll(entries(f, term, limit));
        }
        return new SetView(
                f.name(), OpenConfigFacts.aclType(f.family()), f.family().id(), f.description(), entries);
    }

    private static List<EntryView> entries(Filter f, Term term, long nextSequence) {
        String platform = OpenConfigFacts.PLATFORM;
        var m = term.match();
        FeatureCheck.require(
                OpenConfigFacts.FACTS, FeatureCheck.needs(f, term), platform, term.name(), need -> switch (need) {
                    case EITHER_PORTS -> "a source-or-destination port match";
                    case SOURCE_PORTS -> "a source-port match (Portcullis writes destination-port matches only)";
                    case SOURCE_PREFIXES -> "a source-prefix match";
                    default -> null;
                });
        if (!TermNotes.storable(term.name()) || (term.counter() != null && !TermNotes.storable(term.counter()))) {
            throw new UnsupportedFeatureException(
                    Feature.NAMES,
                    "a term or counter name with whitespace (kept in the entry description)",
                    term.name(),
                    platform);
        }
        if (m.protocol().number() == 255) {
            throw new UnsupportedFeatureException(Feature.PROTOCOLS, "protocol 255", term.name(), platform);
        }
        for (IpPrefix p : m.destinationPrefixes()) {
            if (p.family() != f.family()) {
                throw new UnsupportedFeatureException(
                        Feature.PREFIX_FAMILY,
                        "a " + p.family().id() + " prefix in a " + f.family().id() + " acl-set",
                        term.name(),
                        platform);
            }
        }
        List<IpPrefix> prefixes =
                m.destinationPrefixes().isEmpty() ? Arrays.asList((IpPrefix) null) : m.destinationPrefixes();
        List<PortRange> ports = m.destinationPorts().isEmpty() ? Arrays.asList((PortRange) null) : m.destinationPorts();
        long count = (long) prefixes.size() * ports.size();
        if (term.sequence() + count - 1 >= nextSequence) {
            throw new UnsupportedFeatureException(
                    Feature.SEQUENCES,
                    count + " prefix/port combinations, which need sequence-ids " + term.sequence() + ".."
                            + (term.sequence() + count - 1) + " but the next entry starts at " + nextSequence,
                    term.name(),
                    platform);
        }
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("name", term.name());
        notes.put("counter", term.counter());
        String description = TermNotes.encode(notes, term.description());
        String protocol = protocol(m.protocol());
        List<EntryView> out = new ArrayList<>();
        long seq = term.sequence();
        for (IpPrefix prefix : prefixes) {
            for (PortRange port : ports) {
                out.add(new EntryView(
                        seq++,
                        description,
                        protocol,
                        prefix == null ? null : prefix.toString(),
                        port == null ? null : portText(port),
                        action(term.action()),
                        term.log(),
                        term.name(),
                        term.counter(),
                        term.description()));
            }
        }
        return out;
    }

    static String protocol(Protocol p) {
        if (p.isAny()) {
            return null;
        }
        for (var e : OpenConfigFacts.PROTOCOL_IDENTITIES.entrySet()) {
            if (e.getValue() == p.number() && (p.number() == 6 || p.number() == 17)) {
                return "oc-pkt-match-types:" + e.getKey();
            }
        }
        return Integer.toString(p.number());
    }

    static String portText(PortRange r) {
        return r.isSingle() ? Integer.toString(r.from()) : r.from() + ".." + r.to();
    }

    private static String action(Action a) {
        return switch (a) {
            case ACCEPT -> "ACCEPT";
            case DISCARD -> "DROP";
            case REJECT -> "REJECT";
        };
    }

    private static List<InterfaceView> interfaces(List<Binding> bindings) {
        Map<String, InterfaceView> byId = new LinkedHashMap<>();
        for (Binding b : bindings) {
            FeatureCheck.require(
                    OpenConfigFacts.FACTS,
                    FeatureCheck.needs(b),
                    OpenConfigFacts.PLATFORM,
                    null,
                    need -> need == Feature.PROFILE_BINDINGS
                            ? "a subscriber-profile binding ('" + b.point()
                                    + "'; OpenConfig has no subscriber-template concept, bind static interfaces instead)"
                            : null);
            InterfaceView v = byId.computeIfAbsent(b.point(), OpenConfigRenderer::interfaceView);
            SetRef ref = new SetRef(b.filterName(), OpenConfigFacts.aclType(b.family()));
            (b.direction() == Direction.TO_SUBSCRIBER ? v.egress() : v.ingress()).add(ref);
        }
        return List.copyOf(byId.values());
    }

    /** {@code Bundle-Ether1.100} → interface Bundle-Ether1, subinterface 100 (the OpenConfig interface-ref). */
    static InterfaceView interfaceView(String id) {
        int dot = id.lastIndexOf('.');
        if (dot > 0 && dot < id.length() - 1 && id.substring(dot + 1).chars().allMatch(Character::isDigit)) {
            return new InterfaceView(
                    id, id.substring(0, dot), id.substring(dot + 1), new ArrayList<>(), new ArrayList<>());
        }
        return new InterfaceView(id, id, null, new ArrayList<>(), new ArrayList<>());
    }
}
