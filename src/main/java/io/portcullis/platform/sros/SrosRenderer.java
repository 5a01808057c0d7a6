package io.portcullis.platform.sros;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Feature;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.Ownership;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Term;
import io.portcullis.platform.AttachSlots;
import io.portcullis.platform.FeatureCheck;
import io.portcullis.platform.QuteTemplates;
import io.portcullis.platform.UnsupportedFeatureException;
import io.portcullis.platform.sros.SrosView.Config;
import io.portcullis.platform.sros.SrosView.Embed;
import io.portcullis.platform.sros.SrosView.EntryView;
import io.portcullis.platform.sros.SrosView.FilterView;
import io.portcullis.platform.sros.SrosView.Ip;
import io.portcullis.platform.sros.SrosView.PortList;
import io.portcullis.platform.sros.SrosView.PortMatch;
import io.portcullis.platform.sros.SrosView.PrefixList;
import io.portcullis.platform.sros.SrosView.Range;
import io.portcullis.platform.sros.SrosView.Sla;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IR → nokia-conf payload (templates/sros/). Owned filters and their owned match lists are replaced
 * whole; {@code scope template}; the final accept is an entry and {@code default-action} comes from
 * {@code Filter.defaultAction}; sla-profile filter references merge. Renders {@link SrosNotes#normalize}
 * of the intent, so what is read back equals {@code normalize(intent)}.
 */
public final class SrosRenderer {
    private SrosRenderer() {}

    public static String config(FilterIntent intent) {
        return QuteTemplates.render("sros/config.xml", Map.of("c", view(intent)));
    }

    public static String text(FilterIntent intent) {
        return QuteTemplates.render("sros/text.txt", Map.of("c", view(intent)));
    }

    public static String removal(FilterIntent intent) {
        return QuteTemplates.render("sros/removal.xml", Map.of("c", view(intent)));
    }

    public static String subtreeFilter(FilterIntent intent) {
        return QuteTemplates.render("sros/filter.xml", Map.of("c", view(intent)));
    }

    /** Owned match-list name: PORTCULLIS-<filter hash>-<entry>-<use>, within the 32-character limit. */
    static String listName(String filter, int entry, String use) {
        return "PORTCULLIS-" + String.format("%08x", filter.hashCode()) + "-" + entry + "-" + use;
    }

    static Config view(FilterIntent raw) {
        FilterIntent intent = SrosNotes.normalize(raw);
        List<PortList> portLists = new ArrayList<>();
        List<PrefixList> v4Lists = new ArrayList<>();
        List<PrefixList> v6Lists = new ArrayList<>();
        List<FilterView> v4 = new ArrayList<>();
        List<FilterView> v6 = new ArrayList<>();
        List<String> cli = new ArrayList<>();
        Set<String> listNames = new HashSet<>();
        Set<String> embedded = new HashSet<>();
        intent.bindings().stream().filter(b -> b.kind() == AttachKind.EMBED).forEach(b -> embedded.add(b.filterName()));
        for (Filter f : intent.filters()) {
            FeatureCheck.require(
                    SrosFacts.FACTS,
                    FeatureCheck.needs(f, SrosFacts.FACTS.implicitDefault()),
                    SrosFacts.PLATFORM,
                    null,
                    need -> need == Feature.REJECT
                            ? "default-action REJECT (SR OS filters drop or accept) in filter " + f.name()
                            : null);
            String kind = f.family() == AddressFamily.IPV4 ? "ip-filter" : "ipv6-filter";
            String path = "/configure filter " + kind + " \"" + f.name() + "\"";
            cli.add("# " + kind + " " + f.name() + " is replaced whole");
            if (f.description() != null) {
                cli.add(path + " description \"" + f.description() + "\"");
            }
            boolean isEmbedded = embedded.contains(f.name());
            String scope = isEmbedded ? "embedded" : "template";
            String defaultAction = isEmbedded ? null : f.defaultAction() == Action.ACCEPT ? "accept" : "drop";
            cli.add(path + " scope " + scope);
            if (isEmbedded) {
                checkEmbeddable(f);
            } else {
                cli.add(path + " default-action " + defaultAction);
            }
            List<EntryView> entries = new ArrayList<>();
            for (Term t : f.terms()) {
                entries.add(entry(
                        f, t, portLists, f.family() == AddressFamily.IPV4 ? v4Lists : v6Lists, listNames, cli, path));
            }
            (f.family() == AddressFamily.IPV4 ? v4 : v6)
                    .add(new FilterView(f.name(), f.description(), scope, defaultAction, entries));
        }
        List<Embed> embeds = new ArrayList<>();
        Map<String, String[]> slas = new LinkedHashMap<>();
        for (Binding b : intent.bindings()) {
            FeatureCheck.require(
                    SrosFacts.FACTS,
                    FeatureCheck.needs(b),
                    SrosFacts.PLATFORM,
                    null,
                    need -> need == Feature.INTERFACE_BINDINGS
                            ? "a binding to interface " + b.point()
                                    + " (SR OS SAP egress filters are not managed; bind through an sla-profile)"
                            : null);
            if (b.kind() == AttachKind.EMBED) {
                embeds.add(embed(b, intent, cli));
                continue;
            }
            String[] s = slas.computeIfAbsent(b.point(), k -> new String[AttachSlots.SIZE]);
            int i = AttachSlots.index(b);
            if (s[i] != null && !s[i].equals(b.filterName())) {
                throw new UnsupportedFeatureException(
                        Feature.ONE_FILTER_PER_SLOT,
                        "two filters bound at sla-profile " + b.point() + " "
                                + b.family().id() + " (" + s[i] + ", " + b.filterName() + ")",
                        null,
                        SrosFacts.PLATFORM);
            }
            s[i] = b.filterName();
        }
        List<Sla> slaViews = new ArrayList<>();
        slas.forEach((name, s) -> {
            slaViews.add(new Sla(name, s[0], s[1], s[2], s[3]));
            String p = "/configure subscriber-mgmt sla-profile \"" + name + "\"";
            String[] labels = {"ingress ip-filter", "egress ip-filter", "ingress ipv6-filter", "egress ipv6-filter"};
            for (int i = 0; i < 4; i++) {
                if (s[i] != null) {
                    cli.add(p + " " + labels[i] + " \"" + s[i] + "\"");
                }
            }
        });
        return new Config(portLists, v4Lists, v6Lists, v4, v6, slaViews, embeds, cli);
    }

    /**
     * An embedded filter's entries run inside the operator's filter: a catch-all accept would end
     * the operator's evaluation there (vendor reference: an embedded filter must NOT contain it), and
     * it has no default-action of its own, so its IR must fall through (ACCEPT) when nothing matches.
     */
    private static void checkEmbeddable(Filter f) {
        for (Term t : f.terms()) {
            if (t.isFinalAcceptAll()) {
                throw new UnsupportedFeatureException(
                        Feature.CHAINING,
                        "a catch-all accept in embedded filter " + f.name()
                                + " (it would end the operator filter's evaluation)",
                        t.name(),
                        SrosFacts.PLATFORM);
            }
        }
        if (f.defaultAction() != Action.ACCEPT) {
            throw new UnsupportedFeatureException(
                    Feature.CHAINING,
                    "a default-action drop on embedded filter " + f.name()
                            + " (an embedded filter has none; unmatched packets go on to the host filter's next entry)",
                    null,
                    SrosFacts.PLATFORM);
        }
    }

    private static Embed embed(Binding b, FilterIntent intent, List<String> cli) {
        SrosEmbed e = SrosEmbed.parse(b.point());
        if (Ownership.isOwned(e.host())) {
            throw new UnsupportedFeatureException(
                    Feature.CHAINING,
                    "embedding into owned filter " + e.host() + " (only foreign filters host embeds)",
                    null,
                    SrosFacts.PLATFORM);
        }
        String kind = b.family() == AddressFamily.IPV4 ? "ip-filter" : "ipv6-filter";
        cli.add("# " + kind + " " + e.host() + " is the operator's: only its embed entry below is ours");
        cli.add("/configure filter " + kind + " \"" + e.host() + "\" embed filter \"" + b.filterName() + "\" offset "
                + e.offset());
        return new Embed(kind, e.host(), b.filterName(), e.offset());
    }

    private static EntryView entry(
            Filter f,
            Term t,
            List<PortList> portLists,
            List<PrefixList> prefixLists,
            Set<String> names,
            List<String> cli,
            String path) {
        SrosNotes.check(f, t);
        if (t.sequence() < 1 || t.sequence() > SrosFacts.ENTRY_ID_MAX) {
            throw new UnsupportedFeatureException(
                    Feature.SEQUENCES,
                    "term sequence " + t.sequence() + " outside entry-id 1.." + SrosFacts.ENTRY_ID_MAX,
                    t.name(),
                    SrosFacts.PLATFORM);
        }
        FeatureCheck.require(
                SrosFacts.FACTS,
                FeatureCheck.needs(f, t),
                SrosFacts.PLATFORM,
                t.name(),
                need -> need == Feature.REJECT ? "action REJECT (SR OS filter entries drop or accept)" : null);
        Match m = t.match();
        if (!m.eitherPorts().isEmpty()
                && (!m.destinationPorts().isEmpty() || !m.sourcePorts().isEmpty())) {
            throw new UnsupportedFeatureException(
                    Feature.EITHER_PORTS,
                    "an either-port match together with source or destination ports",
                    t.name(),
                    SrosFacts.PLATFORM);
        }
        int id = t.sequence();
        String e = path + " entry " + id;
        String description = SrosNotes.entryDescription(t);
        cli.add(e + " description \"" + description + "\"");
        String protocolLeaf = f.family() == AddressFamily.IPV4 ? "protocol" : "next-header";
        String protocol = m.protocol().isAny()
                ? null
                : SrosFacts.protocolName(m.protocol().number(), f.family());
        if (protocol != null) {
            cli.add(e + " match " + protocolLeaf + " " + protocol);
        }
        Ip dst = ip(f, t, m.destinationPrefixes(), "dst", prefixLists, names, cli, e);
        Ip src = ip(f, t, m.sourcePrefixes(), "src", prefixLists, names, cli, e);
        PortMatch sp = ports(f, t, m.sourcePorts(), "sp", portLists, names, cli, e + " match src-port");
        PortMatch dp = ports(f, t, m.destinationPorts(), "dp", portLists, names, cli, e + " match dst-port");
        PortMatch ep = ports(f, t, m.eitherPorts(), "ep", portLists, names, cli, e + " match port");
        if (t.log()) {
            cli.add(e + " log " + SrosFacts.DEFAULT_LOG_ID);
        }
        String action = t.action() == Action.ACCEPT ? "accept" : "drop";
        cli.add(e + " action " + action);
        return new EntryView(id, description, protocolLeaf, protocol, dst, src, sp, dp, ep, t.log(), action);
    }

    private static Ip ip(
            Filter f,
            Term t,
            List<IpPrefix> prefixes,
            String use,
            List<PrefixList> lists,
            Set<String> names,
            List<String> cli,
            String e) {
        if (prefixes.isEmpty()) {
            return null;
        }
        for (IpPrefix p : prefixes) {
            if (p.family() != f.family()) {
                throw new UnsupportedFeatureException(
                        Feature.PREFIX_FAMILY,
                        p.family().id() + " prefix " + p + " in an "
                                + f.family().id() + " filter",
                        t.name(),
                        SrosFacts.PLATFORM);
            }
        }
        String leaf = f.family() == AddressFamily.IPV4 ? "ip-prefix-list" : "ipv6-prefix-list";
        if (prefixes.size() == 1) {
            cli.add(e + " match " + use + "-ip address " + prefixes.get(0));
            return new Ip(prefixes.get(0).toString(), null, null);
        }
        String name = unique(listName(f.name(), t.sequence(), use), names, t);
        lists.add(new PrefixList(name, prefixes.stream().map(IpPrefix::toString).toList()));
        prefixes.forEach(p -> cli.add("/configure filter match-list " + leaf + " \"" + name + "\" prefix " + p));
        cli.add(e + " match " + use + "-ip " + leaf + " \"" + name + "\"");
        return new Ip(null, leaf, name);
    }

    private static PortMatch ports(
            Filter f,
            Term t,
            List<PortRange> ports,
            String use,
            List<PortList> lists,
            Set<String> names,
            List<String> cli,
            String prefix) {
        if (ports.isEmpty()) {
            return null;
        }
        PortMatch pm;
        if (ports.size() == 1 && ports.get(0).isSingle()) {
            pm = new PortMatch(ports.get(0).from(), null, null);
        } else if (ports.size() == 1) {
            pm = new PortMatch(null, new Range(ports.get(0).from(), ports.get(0).to()), null);
        } else {
            String name = unique(listName(f.name(), t.sequence(), use), names, t);
            List<Integer> singles = ports.stream()
                    .filter(PortRange::isSingle)
                    .map(PortRange::from)
                    .toList();
            List<Range> ranges = ports.stream()
                    .filter(r -> !r.isSingle())
                    .map(r -> new Range(r.from(), r.to()))
                    .toList();
            lists.add(new PortList(name, singles, ranges));
            singles.forEach(p -> cli.add("/configure filter match-list port-list \"" + name + "\" port " + p));
            ranges.forEach(r -> cli.add("/configure filter match-list port-list \"" + name + "\" range start "
                    + r.start() + " end " + r.end()));
            pm = new PortMatch(null, null, name);
        }
        cli.add(prefix + " " + pm.cli());
        return pm;
    }

    private static String unique(String name, Set<String> names, Term t) {
        if (!names.add(name)) {
            throw new UnsupportedFeatureException(
                    Feature.NAMES,
                    "two filters whose names hash alike (match-list name " + name + " would repeat)",
                    t.name(),
                    SrosFacts.PLATFORM);
        }
        return name;
    }
}
