package io.portcullis.platform.sros;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.Ownership;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import io.portcullis.platform.BindingOrder;
import io.portcullis.platform.ReadException;
import io.portcullis.platform.ReadResult;
import io.portcullis.platform.XmlReading;
import io.portcullis.platform.sros.jaxb.SConfigure;
import io.portcullis.platform.sros.jaxb.SEmbedFilter;
import io.portcullis.platform.sros.jaxb.SEntry;
import io.portcullis.platform.sros.jaxb.SFilterRoot;
import io.portcullis.platform.sros.jaxb.SIp;
import io.portcullis.platform.sros.jaxb.SIpFilter;
import io.portcullis.platform.sros.jaxb.SMatchList;
import io.portcullis.platform.sros.jaxb.SPort;
import io.portcullis.platform.sros.jaxb.SPortList;
import io.portcullis.platform.sros.jaxb.SPortValue;
import io.portcullis.platform.sros.jaxb.SPrefix;
import io.portcullis.platform.sros.jaxb.SPrefixList;
import io.portcullis.platform.sros.jaxb.SRange;
import io.portcullis.platform.sros.jaxb.SSlaFilters;
import io.portcullis.platform.sros.jaxb.SSlaProfile;
import io.portcullis.platform.sros.jaxb.SSubscriberMgmt;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * nokia-conf payload or get-config reply → IR. Owned ip/ipv6 filters become filters (entries in
 * entry-id order; name, counter and description from the entry description; an absent
 * {@code default-action} is SR OS' default, drop); match-list references are resolved; sla-profile
 * filter references give bindings (foreign ones reported). Device-held {@code port} → either-port
 * match; {@code tcp-udp} → one term per protocol.
 */
public final class SrosReader {
    private SrosReader() {}

    private static final JAXBContext CONTEXT = context();

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(SConfigure.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("SR OS JAXB classes are inconsistent: " + e.getMessage(), e);
        }
    }

    public static ReadResult read(String device, String xml) {
        XmlReading.Roots roots = XmlReading.read(
                xml,
                "sros configuration from device " + device,
                CONTEXT,
                Map.of("configure", SConfigure.class),
                XmlReading.NO_NAMESPACE);
        List<String> warnings = new ArrayList<>();
        Map<String, List<PortRange>> portLists = new HashMap<>();
        Map<String, List<IpPrefix>> prefixLists = new HashMap<>();
        List<SConfigure> configs = roots.all("configure", SConfigure.class);
        for (SConfigure c : configs) {
            for (SFilterRoot fr : c.filter) {
                for (SMatchList ml : fr.matchList) {
                    ml.portList.forEach(pl -> portLists.put(pl.name, ports(pl)));
                    ml.ipPrefixList.forEach(pl -> prefixLists.put(pl.name, prefixes(pl, AddressFamily.IPV4)));
                    ml.ipv6PrefixList.forEach(pl -> prefixLists.put(pl.name, prefixes(pl, AddressFamily.IPV6)));
                }
            }
        }
        List<Filter> filters = new ArrayList<>();
        List<Binding> owned = new ArrayList<>();
        List<Binding> foreign = new ArrayList<>();
        Map<AddressFamily, Map<String, SIpFilter>> all =
                Map.of(AddressFamily.IPV4, new LinkedHashMap<>(), AddressFamily.IPV6, new LinkedHashMap<>());
        for (SConfigure c : configs) {
            for (SFilterRoot fr : c.filter) {
                fr.ipFilter.forEach(f -> filter(f, AddressFamily.IPV4, portLists, prefixLists, filters, warnings, all));
                fr.ipv6Filter.forEach(
                        f -> filter(f, AddressFamily.IPV6, portLists, prefixLists, filters, warnings, all));
            }
            for (SSubscriberMgmt sm : c.subscriberMgmt) {
                for (SSlaProfile p : sm.slaProfile) {
                    String name = required(p.name, "sla-profile name");
                    bind(p.ingress, Direction.FROM_SUBSCRIBER, name, owned, foreign);
                    bind(p.egress, Direction.TO_SUBSCRIBER, name, owned, foreign);
                }
            }
        }
        if (configs.isEmpty()) {
            warnings.add("no <configure> element in the reply from " + device + "; read as empty");
        }
        List<Filter> foreignFilters = new ArrayList<>();
        for (AddressFamily family : AddressFamily.values()) {
            embeds(all.get(family), family, portLists, prefixLists, owned, foreign, foreignFilters, warnings);
        }
        return new ReadResult(
                new FilterIntent(device, SrosFacts.PLATFORM, filters, BindingOrder.canonical(filters, owned)),
                foreign,
                warnings,
                foreignFilters);
    }

    /**
     * Embed entries: owned embedded filters give owned EMBED bindings wherever they are; in the hosts
     * that matter to us (foreign filters bound at our sla-profiles, filters holding our embeds) the
     * foreign embeds are reported and the host and its foreign embedded filters are read (leniently:
     * an operator filter we cannot read is a warning, and chaining into it is refused).
     */
    private static void embeds(
            Map<String, SIpFilter> filters,
            AddressFamily family,
            Map<String, List<PortRange>> portLists,
            Map<String, List<IpPrefix>> prefixLists,
            List<Binding> owned,
            List<Binding> foreign,
            List<Filter> foreignFilters,
            List<String> warnings) {
        Set<String> hosts = new LinkedHashSet<>();
        foreign.stream()
                .filter(b -> b.kind() == AttachKind.PROFILE && b.family() == family)
                .forEach(b -> hosts.add(b.filterName()));
        List<Binding> foreignEmbeds = new ArrayList<>();
        filters.forEach((host, f) -> {
            if (f.embed == null) {
                return;
            }
            for (SEmbedFilter ef : f.embed.filter) {
                String name = required(ef.name, "embedded filter name in filter " + host);
                long offset = SrosEmbed.offset(ef.offset, "of filter " + name + " embedded in " + host);
                if (ef.adminState != null && ef.adminState.trim().equals("disable")) {
                    warnings.add("the embedding of filter " + name + " into " + host
                            + " is disabled; SR OS does not apply it");
                    continue;
                }
                Binding b = new Binding(
                        AttachKind.EMBED, new SrosEmbed(host, offset).point(), family, Direction.TO_SUBSCRIBER, name);
                if (Ownership.isOwned(name)) {
                    owned.add(b);
                    hosts.add(host);
                } else {
                    foreignEmbeds.add(b);
                }
            }
        });
        Set<String> toRead = new LinkedHashSet<>();
        for (String host : hosts) {
            if (!Ownership.isOwned(host)) {
                toRead.add(host);
            }
            foreignEmbeds.stream()
                    .filter(b -> SrosEmbed.parse(b.point()).host().equals(host))
                    .forEach(b -> {
                        foreign.add(b);
                        toRead.add(b.filterName());
                    });
        }
        for (String name : toRead) {
            SIpFilter f = filters.get(name);
            if (f == null) {
                warnings.add(family.id() + " filter " + name + " is referenced but not in the reply");
                continue;
            }
            try {
                foreignFilters.add(read(f, name, family, portLists, prefixLists, warnings, true));
            } catch (ReadException e) {
                warnings.add("foreign filter " + name + " could not be read (" + e.getMessage()
                        + "); chaining into it is refused");
            }
        }
    }

    private static void filter(
            SIpFilter f,
            AddressFamily family,
            Map<String, List<PortRange>> portLists,
            Map<String, List<IpPrefix>> prefixLists,
            List<Filter> out,
            List<String> warnings,
            Map<AddressFamily, Map<String, SIpFilter>> all) {
        String name = required(f.name, "filter-name");
        all.get(family).put(name, f);
        if (!Ownership.isOwned(name)) {
            return;
        }
        out.add(read(f, name, family, portLists, prefixLists, warnings, false));
    }

    /** An embedded-scope filter has no default of its of own: unmatched packets go on to the host's next entry (ACCEPT here). */
    private static Filter read(
            SIpFilter f,
            String name,
            AddressFamily family,
            Map<String, List<PortRange>> portLists,
            Map<String, List<IpPrefix>> prefixLists,
            List<String> warnings,
            boolean foreign) {
        Action defaultAction = f.defaultAction == null
                ? Action.DISCARD
                : switch (f.defaultAction.trim()) {
                    case "accept" -> Action.ACCEPT;
                    case "drop" -> Action.DISCARD;
                    default ->
                        throw new ReadException("default-action '" + f.defaultAction + "' of filter " + name
                                + " is neither drop nor accept");
                };
        if (f.scope != null && f.scope.trim().equals("embedded")) {
            defaultAction = Action.ACCEPT;
        }
        List<SEntry> entries = new ArrayList<>(f.entry);
        entries.sort(Comparator.comparingLong(e -> entryId(e, name)));
        List<Term> terms = new ArrayList<>();
        for (SEntry e : entries) {
            terms.addAll(terms(e, name, family, portLists, prefixLists, warnings, foreign));
        }
        return new Filter(name, family, terms, defaultAction, f.description);
    }

    /** Foreign entries are named entry-ID (their descriptions are the operator's free text). */
    private static List<Term> terms(
            SEntry e,
            String filter,
            AddressFamily family,
            Map<String, List<PortRange>> portLists,
            Map<String, List<IpPrefix>> prefixLists,
            List<String> warnings,
            boolean foreign) {
        int id = (int) entryId(e, filter);
        String where = "in entry " + id + " of filter " + filter;
        SrosNotes.Parsed notes = e.description == null || foreign
                ? new SrosNotes.Parsed("entry-" + id, null, e.description)
                : SrosNotes.parse(e.description);
        String name = notes.name().isEmpty() ? "entry-" + id : notes.name();
        Action action = Action.DISCARD;
        if (e.action == null) {
            warnings.add("entry " + id + " of filter " + filter + " has no action; SR OS does not apply it");
            return List.of();
        }
        for (Object o : e.action.other) {
            if (o instanceof Element el && !el.getLocalName().equals("fc")) {
                warnings.add("action '" + el.getLocalName() + "' " + where + " is not modelled");
            }
        }
        if (e.action.accept != null) {
            action = Action.ACCEPT;
        }
        List<Protocol> protocols = new ArrayList<>();
        Match base = Match.ANY;
        var m = e.match;
        if (m != null) {
            for (Object o : m.other) {
                if (o instanceof Element el) {
                    warnings.add("match condition '" + el.getLocalName() + "' " + where
                            + " is not modelled; the entry is read without it");
                }
            }
            protocols = protocols(family == AddressFamily.IPV4 ? m.protocol : m.nextHeader, where);
            base = new Match(
                    Protocol.ANY,
                    ports(m.dstPort, portLists, where),
                    ports(m.srcPort, portLists, where),
                    ports(m.port, portLists, where),
                    ip(m.dstIp, family, prefixLists, where),
                    ip(m.srcIp, family, prefixLists, where));
        }
        boolean log = e.log != null && !e.log.isBlank();
        if (protocols.size() <= 1) {
            Protocol p = protocols.isEmpty() ? Protocol.ANY : protocols.get(0);
            return List.of(new Term(name, id, with(base, p), action, notes.counter(), log, notes.description()));
        }
        warnings.add("entry " + id + " of filter " + filter + " matches tcp-udp; read as one term per protocol");
        List<Term> out = new ArrayList<>();
        for (Protocol p : protocols) {
            out.add(new Term(
                    name + "/" + p.label(), id, with(base, p), action, notes.counter(), log, notes.description()));
        }
        return out;
    }

    private static Match with(Match m, Protocol p) {
        return new Match(
                p, m.destinationPorts(), m.sourcePorts(), m.eitherPorts(), m.destinationPrefixes(), m.sourcePrefixes());
    }

    private static List<Protocol> protocols(String value, String where) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("tcp-udp")) {
            return List.of(Protocol.TCP, Protocol.UDP);
        }
        Integer named = SrosFacts.PROTOCOL_NAMES.get(v);
        try {
            return List.of(named != null ? Protocol.of(named) : Protocol.of(Integer.parseInt(v)));
        } catch (IllegalArgumentException e) {
            throw new ReadException(
                    "protocol '" + value + "' " + where + " is neither a number 0-255 nor an SR OS protocol name");
        }
    }

    private static List<PortRange> ports(SPort p, Map<String, List<PortRange>> lists, String where) {
        if (p == null) {
            return List.of();
        }
        try {
            if (p.eq != null) {
                return List.of(PortRange.single(Integer.parseInt(p.eq.trim())));
            }
            if (p.lt != null) {
                int v = Integer.parseInt(p.lt.trim());
                return v <= 0 ? List.of() : List.of(new PortRange(0, v - 1));
            }
            if (p.gt != null) {
                int v = Integer.parseInt(p.gt.trim());
                return v >= PortRange.MAX ? List.of() : List.of(new PortRange(v + 1, PortRange.MAX));
            }
            if (p.range != null) {
                return List.of(range(p.range));
            }
        } catch (IllegalArgumentException e) {
            throw new ReadException("port match " + where + " is not a valid port or range: " + e.getMessage());
        }
        if (p.portList != null) {
            List<PortRange> l = lists.get(p.portList.trim());
            if (l == null) {
                throw new ReadException("port-list '" + p.portList + "' " + where
                        + " is not in the reply; include filter/match-list in the get-config");
            }
            return l;
        }
        return List.of();
    }

    private static PortRange range(SRange r) {
        return new PortRange(Integer.parseInt(r.start.trim()), Integer.parseInt(r.end.trim()));
    }

    /** A port-list as SR OS holds it: ports ascending, then ranges ascending (see {@link SrosNotes#ports}). */
    private static List<PortRange> ports(SPortList pl) {
        List<PortRange> out = new ArrayList<>();
        try {
            for (SPortValue v : pl.port) {
                out.add(PortRange.single(Integer.parseInt(v.value.trim())));
            }
            for (SRange r : pl.range) {
                out.add(range(r));
            }
        } catch (RuntimeException e) {
            throw new ReadException(
                    "port-list '" + pl.name + "' holds a value that is not a port or range: " + e.getMessage());
        }
        return SrosNotes.ports(out);
    }

    private static List<IpPrefix> prefixes(SPrefixList pl, AddressFamily family) {
        List<IpPrefix> out = new ArrayList<>();
        for (SPrefix p : pl.prefix) {
            String text = p.ipPrefix != null ? p.ipPrefix : p.ipv6Prefix;
            out.add(prefix(text, null, family, "in prefix list " + pl.name));
        }
        return SrosNotes.prefixes(out);
    }

    private static List<IpPrefix> ip(SIp ip, AddressFamily family, Map<String, List<IpPrefix>> lists, String where) {
        if (ip == null) {
            return List.of();
        }
        if (ip.address != null) {
            return List.of(prefix(ip.address, ip.mask, family, where));
        }
        String list = ip.ipPrefixList != null ? ip.ipPrefixList : ip.ipv6PrefixList;
        if (list == null) {
            return List.of();
        }
        List<IpPrefix> l = lists.get(list.trim());
        if (l == null) {
            throw new ReadException("prefix list '" + list + "' " + where
                    + " is not in the reply; include filter/match-list in the get-config");
        }
        return l;
    }

    private static IpPrefix prefix(String text, String mask, AddressFamily family, String where) {
        try {
            String t = required(text, "address " + where).trim();
            if (mask != null && !mask.isBlank() && !t.contains("/")) {
                IpPrefix m = IpPrefix.parse(mask.trim());
                int length = m.network().bitCount();
                t = t + "/" + length;
            }
            IpPrefix p = IpPrefix.parse(t);
            if (p.family() != family) {
                throw new ReadException("address " + text + " " + where + " is not an " + family.id() + " prefix");
            }
            return p;
        } catch (IllegalArgumentException e) {
            throw new ReadException("address '" + text + "' " + where + " is not a prefix: " + e.getMessage());
        }
    }

    private static void bind(
            SSlaFilters f, Direction direction, String profile, List<Binding> owned, List<Binding> foreign) {
        if (f == null) {
            return;
        }
        if (f.ipFilter != null && !f.ipFilter.isBlank()) {
            add(
                    new Binding(AttachKind.PROFILE, profile, AddressFamily.IPV4, direction, f.ipFilter.trim()),
                    owned,
                    foreign);
        }
        if (f.ipv6Filter != null && !f.ipv6Filter.isBlank()) {
            add(
                    new Binding(AttachKind.PROFILE, profile, AddressFamily.IPV6, direction, f.ipv6Filter.trim()),
                    owned,
                    foreign);
        }
    }

    private static void add(Binding b, List<Binding> owned, List<Binding> foreign) {
        (Ownership.isOwned(b.filterName()) ? owned : foreign).add(b);
    }

    private static long entryId(SEntry e, String filter) {
        try {
            return Long.parseLong(required(e.id, "entry-id in filter " + filter).trim());
        } catch (NumberFormatException ex) {
            throw new ReadException("entry-id '" + e.id + "' in filter " + filter + " is not a number");
        }
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ReadException("the SR OS configuration has a " + what + " that is missing or empty");
        }
        return value.trim();
    }
}
