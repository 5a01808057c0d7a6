package io.portcullis.platform.openconfig;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Ownership;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import io.portcullis.platform.FlatEntries;
import io.portcullis.platform.IdentityPrefixes;
import io.portcullis.platform.ReadException;
import io.portcullis.platform.ReadResult;
import io.portcullis.platform.TermNotes;
import io.portcullis.platform.XmlReading;
import io.portcullis.platform.openconfig.jaxb.OAcl;
import io.portcullis.platform.openconfig.jaxb.OAclSet;
import io.portcullis.platform.openconfig.jaxb.OActionConfig;
import io.portcullis.platform.openconfig.jaxb.OEntry;
import io.portcullis.platform.openconfig.jaxb.OInterface;
import io.portcullis.platform.openconfig.jaxb.OL3;
import io.portcullis.platform.openconfig.jaxb.OL3Config;
import io.portcullis.platform.openconfig.jaxb.OSetRef;
import io.portcullis.platform.openconfig.jaxb.OTransportConfig;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * openconfig-acl payload or get-config reply → IR. Tolerant: any prefixes (identities are resolved
 * through the namespace declarations, and an unprefixed identity is taken by its name), keys read
 * from the list key or its config/ copy, entries ordered by sequence-id (never document order),
 * foreign acl-sets ignored, foreign sets bound at interfaces reported as foreign bindings.
 */
public final class OpenConfigReader {
    private static final JAXBContext CONTEXT;

    static {
        try {
            CONTEXT = JAXBContext.newInstance(OAcl.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private OpenConfigReader() {}

    public static ReadResult read(String device, String xml) {
        String what = "OpenConfig ACL configuration of " + device;
        String bound = bindPacketMatchTypesPrefix(xml);
        IdentityPrefixes.requireDeclared(
                bound,
                what,
                OpenConfigFacts.NS_ACL,
                java.util.Set.of("type", "protocol", "forwarding-action", "log-action"));
        XmlReading.Roots roots = XmlReading.read(
                bound, what, CONTEXT, Map.of("acl", OAcl.class), XmlReading.allTo(OpenConfigFacts.NS_ACL));
        List<Filter> filters = new ArrayList<>();
        List<Binding> owned = new ArrayList<>();
        List<Binding> foreign = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (OAcl acl : roots.all("acl", OAcl.class)) {
            for (OAclSet set : acl.sets) {
                String name = first(set.name, set.config == null ? null : set.config.name);
                if (!Ownership.isOwned(name)) {
                    continue;
                }
                QName type = set.type != null ? set.type : set.config == null ? null : set.config.type;
                AddressFamily family =
                        type == null ? null : OpenConfigFacts.family(identity(type, OpenConfigFacts.NS_ACL, what));
                if (family == null) {
                    warnings.add("acl-set " + name + " has type " + type + ", not ACL_IPV4/ACL_IPV6; ignored");
                    continue;
                }
                filters.add(filter(name, family, set, what));
            }
            for (OInterface itf : acl.interfaces) {
                String point = first(itf.id, itf.config == null ? null : itf.config.id);
                if (point == null) {
                    throw new ReadException("cannot read " + what + ": an acl interface has no id; check the reply");
                }
                bindings(point, itf.egress, Direction.TO_SUBSCRIBER, owned, foreign, what);
                bindings(point, itf.ingress, Direction.FROM_SUBSCRIBER, owned, foreign, what);
            }
        }
        owned.sort(BINDING_ORDER);
        foreign.sort(BINDING_ORDER);
        return new ReadResult(new FilterIntent(device, OpenConfigFacts.PLATFORM, filters, owned), foreign, warnings);
    }

    /** Compiler order: direction, then family; points keep document order (the sort is stable). */
    private static final Comparator<Binding> BINDING_ORDER =
            Comparator.comparing(Binding::direction).thenComparing(Binding::family);

    private static void bindings(
            String point,
            List<OSetRef> refs,
            Direction direction,
            List<Binding> owned,
            List<Binding> foreign,
            String what) {
        for (OSetRef r : refs) {
            String name = first(r.setName, r.config == null ? null : r.config.setName);
            QName type = r.type != null ? r.type : r.config == null ? null : r.config.type;
            AddressFamily family =
                    type == null ? null : OpenConfigFacts.family(identity(type, OpenConfigFacts.NS_ACL, what));
            if (name == null || family == null) {
                continue; // an L2/MPLS set or an incomplete entry: not an IP filter binding
            }
            Binding b = new Binding(AttachKind.INTERFACE, point, family, direction, name);
            (Ownership.isOwned(name) ? owned : foreign).add(b);
        }
    }

    private static Filter filter(String name, AddressFamily family, OAclSet set, String what) {
        List<FlatEntries.Entry> entries = new ArrayList<>();
        for (OEntry e : set.entries) {
            entries.add(entry(name, family, e, what));
        }
        entries.sort(Comparator.comparingLong(FlatEntries.Entry::sequence));
        String description = set.config == null ? null : set.config.description;
        return new Filter(
                name, family, FlatEntries.group(entries), OpenConfigFacts.FACTS.implicitDefault(), description);
    }

    private static FlatEntries.Entry entry(String filter, AddressFamily family, OEntry e, String what) {
        String seqText = first(e.sequenceId, e.config == null ? null : e.config.sequenceId);
        long seq;
        try {
            seq = Long.parseLong(seqText == null ? "" : seqText.trim());
        } catch (NumberFormatException ex) {
            throw new ReadException("cannot read " + what + ": acl-set " + filter
                    + " has an entry without a numeric sequence-id ('" + seqText + "'); check the reply");
        }
        String where = "acl-set " + filter + " entry " + seq;
        TermNotes.Decoded notes = TermNotes.decode(e.config == null ? null : e.config.description);
        String term = notes.get("name") != null ? notes.get("name") : "entry-" + seq;
        OL3 l3 = e.ipv4 != null ? e.ipv4 : e.ipv6;
        OL3Config c = l3 == null ? null : l3.config;
        Protocol protocol = c == null || c.protocol == null ? Protocol.ANY : protocol(c.protocol, what, where);
        IpPrefix dst = c == null ? null : prefix(c.destinationAddress, what, where);
        IpPrefix src = c == null ? null : prefix(c.sourceAddress, what, where);
        OTransportConfig t = e.transport == null ? null : e.transport.config;
        PortRange dstPort = t == null ? null : port(t.destinationPort, what, where);
        PortRange srcPort = t == null ? null : port(t.sourcePort, what, where);
        OActionConfig a = e.actions == null ? null : e.actions.config;
        if (a == null || a.forwardingAction == null) {
            throw new ReadException(
                    "cannot read " + what + ": " + where + " has no forwarding-action (mandatory); check the device");
        }
        Action action =
                switch (identity(a.forwardingAction, OpenConfigFacts.NS_ACL, what)) {
                    case "ACCEPT" -> Action.ACCEPT;
                    case "DROP" -> Action.DISCARD;
                    case "REJECT" -> Action.REJECT;
                    default ->
                        throw new ReadException("cannot read " + what + ": " + where + " has unknown forwarding-action "
                                + a.forwardingAction.getLocalPart() + "; expected ACCEPT, DROP or REJECT");
                };
        boolean log = a.logAction != null && "LOG_SYSLOG".equals(identity(a.logAction, OpenConfigFacts.NS_ACL, what));
        return new FlatEntries.Entry(
                seq, term, protocol, dst, dstPort, src, srcPort, action, notes.get("counter"), log, notes.text());
    }

    /**
     * yuma123 netconfd (the real server in CI) answers get-config with {@code <protocol>oc-pkt-match-types:IP_UDP</protocol>}
     * and never declares that prefix (the union leaf loses its namespace context). JAXB then yields null, which read
     * as protocol "any": a silently wrong IR. When the module's own prefix is used and the root element does not
     * declare it, bind it there to its module namespace; documents that declare their prefixes are untouched.
     */
    static String bindPacketMatchTypesPrefix(String xml) {
        String prefix = "oc-pkt-match-types";
        if (!xml.contains(">" + prefix + ":")) {
            return xml;
        }
        int start = 0;
        while (true) {
            start = xml.indexOf('<', start);
            if (start < 0 || start + 1 >= xml.length()) {
                return xml;
            }
            char c = xml.charAt(start + 1);
            if (c != '?' && c != '!') {
                break;
            }
            start++;
        }
        int end = start;
        char quote = 0;
        for (; end < xml.length(); end++) {
            char c = xml.charAt(end);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                break;
            }
        }
        if (end >= xml.length() || xml.substring(start, end).contains("xmlns:" + prefix + "=")) {
            return xml;
        }
        int at = xml.charAt(end - 1) == '/' ? end - 1 : end;
        return xml.substring(0, at) + " xmlns:" + prefix + "=\"" + OpenConfigFacts.NS_PACKET_MATCH_TYPES + "\""
                + xml.substring(at);
    }

    /** An identity's name, after checking that its prefix (if any) is bound to the module's namespace. */
    static String identity(QName value, String namespace, String what) {
        String ns = value.getPrefix().isEmpty() ? "" : value.getNamespaceURI(); // unprefixed: taken by name
        if (ns != null && !ns.isEmpty() && !ns.equals(namespace) && !ns.equals(OpenConfigFacts.NS_ACL)) {
            throw new ReadException("cannot read " + what + ": identity " + value.getLocalPart() + " is in namespace "
                    + ns + ", expected " + namespace + "; check the prefix declarations");
        }
        return value.getLocalPart().trim();
    }

    private static Protocol protocol(QName value, String what, String where) {
        String local = value.getLocalPart().trim();
        if (local.chars().allMatch(Character::isDigit) && !local.isEmpty()) {
            return Protocol.of(Integer.parseInt(local));
        }
        String ns = value.getPrefix().isEmpty() ? "" : value.getNamespaceURI();
        if (ns != null
                && !ns.isEmpty()
                && !ns.equals(OpenConfigFacts.NS_PACKET_MATCH_TYPES)
                && !ns.equals(OpenConfigFacts.NS_ACL)) {
            throw new ReadException("cannot read " + what + ": " + where + " protocol " + local + " is in namespace "
                    + ns + ", expected " + OpenConfigFacts.NS_PACKET_MATCH_TYPES + "; check the prefix declarations");
        }
        Integer n = OpenConfigFacts.PROTOCOL_IDENTITIES.get(local);
        if (n == null) {
            throw new ReadException("cannot read " + what + ": " + where + " has unknown protocol " + local);
        }
        return Protocol.of(n);
    }

    private static IpPrefix prefix(String text, String what, String where) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return IpPrefix.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ReadException(
                    "cannot read " + what + ": " + where + " has address '" + text.trim() + "', not a prefix");
        }
    }

    private static PortRange port(String text, String what, String where) {
        if (text == null || text.isBlank() || text.trim().equals("ANY")) {
            return null;
        }
        try {
            PortRange r = PortRange.parse(text);
            return r.equals(PortRange.ALL) ? null : r;
        } catch (IllegalArgumentException e) {
            throw new ReadException(
                    "cannot read " + what + ": " + where + " has port '" + text.trim() + "', not a port or a..b range");
        }
    }

    private static String first(String a, String b) {
        String v = a != null && !a.isBlank() ? a : b;
        return v == null ? null : v.trim();
    }
}
