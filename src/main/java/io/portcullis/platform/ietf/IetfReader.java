package io.portcullis.platform.ietf;

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
import io.portcullis.intent.Term;
import io.portcullis.platform.FlatEntries;
import io.portcullis.platform.IdentityPrefixes;
import io.portcullis.platform.ReadException;
import io.portcullis.platform.ReadResult;
import io.portcullis.platform.XmlReading;
import io.portcullis.platform.ietf.jaxb.IAce;
import io.portcullis.platform.ietf.jaxb.IAcl;
import io.portcullis.platform.ietf.jaxb.IAclSetRef;
import io.portcullis.platform.ietf.jaxb.IAcls;
import io.portcullis.platform.ietf.jaxb.IDirection;
import io.portcullis.platform.ietf.jaxb.IInterface;
import io.portcullis.platform.ietf.jaxb.IL3;
import io.portcullis.platform.ietf.jaxb.IL4;
import io.portcullis.platform.ietf.jaxb.IMatches;
import io.portcullis.platform.ietf.jaxb.IPort;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * RFC 8519 payload or get-config reply → IR. Tolerant: any prefixes (identities checked against the
 * namespace their prefix is bound to; unprefixed ones taken by name), {@code operator} absent means
 * eq, lte/gte/neq read as ranges, a tcp/udp container without protocol implies the protocol, state
 * ignored. ace order is document order ({@code ordered-by user}); terms are numbered 10, 20, … by
 * position because the model has no sequence numbers.
 */
public final class IetfReader {
    private static final JAXBContext CONTEXT;

    static {
        try {
            CONTEXT = JAXBContext.newInstance(IAcls.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private IetfReader() {}

    public static ReadResult read(String device, String xml) {
        String what = "IETF ACL configuration of " + device;
        IdentityPrefixes.requireDeclared(
                xml, what, IetfFacts.NS_ACL, java.util.Set.of("type", "forwarding", "logging"));
        XmlReading.Roots roots =
                XmlReading.read(xml, what, CONTEXT, Map.of("acls", IAcls.class), XmlReading.allTo(IetfFacts.NS_ACL));
        List<Filter> filters = new ArrayList<>();
        Map<String, AddressFamily> families = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        List<IAcls> all = roots.all("acls", IAcls.class);
        for (IAcls acls : all) {
            for (IAcl acl : acls.acl) {
                String name = trim(acl.name);
                AddressFamily family = acl.type == null ? null : IetfFacts.family(identity(acl.type, what));
                if (name == null) {
                    continue;
                }
                if (family != null) {
                    families.put(name, family);
                }
                if (!Ownership.isOwned(name)) {
                    continue;
                }
                if (family == null) {
                    warnings.add(
                            "ACL " + name + " has type " + acl.type + ", not ipv4-acl-type/ipv6-acl-type; ignored");
                    continue;
                }
                filters.add(filter(name, family, acl, what));
            }
        }
        List<Binding> owned = new ArrayList<>();
        List<Binding> foreign = new ArrayList<>();
        for (IAcls acls : all) {
            if (acls.attachmentPoints == null) {
                continue;
            }
            for (IInterface itf : acls.attachmentPoints.interfaces) {
                String point = trim(itf.interfaceId);
                if (point == null) {
                    throw new ReadException("cannot read " + what
                            + ": an attachment-point interface has no interface-id; check the reply");
                }
                bindings(point, itf.egress, Direction.TO_SUBSCRIBER, families, owned, foreign, warnings);
                bindings(point, itf.ingress, Direction.FROM_SUBSCRIBER, families, owned, foreign, warnings);
            }
        }
        Comparator<Binding> order = Comparator.comparing(Binding::direction).thenComparing(Binding::family);
        owned.sort(order);
        foreign.sort(order);
        return new ReadResult(new FilterIntent(device, IetfFacts.PLATFORM, filters, owned), foreign, warnings);
    }

    private static void bindings(
            String point,
            IDirection dir,
            Direction direction,
            Map<String, AddressFamily> families,
            List<Binding> owned,
            List<Binding> foreign,
            List<String> warnings) {
        if (dir == null) {
            return;
        }
        for (IAclSetRef ref : dir.sets) {
            String name = trim(ref.name);
            if (name == null) {
                continue;
            }
            AddressFamily family = families.get(name);
            if (family == null) {
                // the ACL itself was not in the reply: guess from the usual -V6 naming and say so
                family = name.toUpperCase(java.util.Locale.ROOT).contains("V6")
                        ? AddressFamily.IPV6
                        : AddressFamily.IPV4;
                warnings.add("ACL " + name + " bound at " + point + " is not in the reply; assumed " + family.id());
            }
            Binding b = new Binding(AttachKind.INTERFACE, point, family, direction, name);
            (Ownership.isOwned(name) ? owned : foreign).add(b);
        }
    }

    private static Filter filter(String name, AddressFamily family, IAcl acl, String what) {
        List<FlatEntries.Entry> entries = new ArrayList<>();
        int position = 0;
        for (IAce ace : acl.ace) {
            position++;
            entries.addAll(entries(name, family, ace, position, what));
        }
        List<Term> grouped = FlatEntries.group(entries);
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < grouped.size(); i++) {
            Term t = grouped.get(i);
            terms.add(new Term(t.name(), (i + 1) * 10, t.match(), t.action(), null, t.log(), null));
        }
        return new Filter(name, family, terms, IetfFacts.FACTS.implicitDefault(), null);
    }

    private static List<FlatEntries.Entry> entries(
            String acl, AddressFamily family, IAce ace, int position, String what) {
        String aceName = trim(ace.name);
        String where = "ACL " + acl + " ace " + (aceName == null ? "#" + position : aceName);
        if (aceName == null) {
            aceName = "ace-" + position;
        }
        int hash = aceName.lastIndexOf(IetfFacts.SPLIT);
        String term = hash > 0
                        && aceName.substring(hash + 1).chars().allMatch(Character::isDigit)
                        && hash < aceName.length() - 1
                ? aceName.substring(0, hash)
                : aceName;
        IMatches m = ace.matches;
        IL3 l3 = m == null ? null : (m.ipv4 != null ? m.ipv4 : m.ipv6);
        IL4 l4 = m == null ? null : (m.tcp != null ? m.tcp : m.udp);
        Protocol protocol = Protocol.ANY;
        if (l3 != null && trim(l3.protocol) != null) {
            try {
                protocol = Protocol.of(Integer.parseInt(trim(l3.protocol)));
            } catch (IllegalArgumentException e) {
                throw new ReadException(
                        "cannot read " + what + ": " + where + " has protocol '" + l3.protocol + "', not 0..255");
            }
        } else if (m != null && (m.tcp != null || m.udp != null)) {
            protocol = m.tcp != null ? Protocol.TCP : Protocol.UDP;
        }
        IpPrefix dst = l3 == null ? null : prefix(first(l3.destinationIpv4, l3.destinationIpv6), what, where);
        IpPrefix src = l3 == null ? null : prefix(first(l3.sourceIpv4, l3.sourceIpv6), what, where);
        List<PortRange> dstPorts = l4 == null ? List.of() : ports(l4.destinationPort, what, where);
        List<PortRange> srcPorts = l4 == null ? List.of() : ports(l4.sourcePort, what, where);
        if (ace.actions == null || ace.actions.forwarding == null) {
            throw new ReadException(
                    "cannot read " + what + ": " + where + " has no actions/forwarding (mandatory); check the device");
        }
        Action action =
                switch (identity(ace.actions.forwarding, what)) {
                    case "accept" -> Action.ACCEPT;
                    case "drop" -> Action.DISCARD;
                    case "reject" -> Action.REJECT;
                    default ->
                        throw new ReadException("cannot read " + what + ": " + where + " has unknown forwarding "
                                + ace.actions.forwarding.getLocalPart() + "; expected accept, drop or reject");
                };
        boolean log = ace.actions.logging != null && "log-syslog".equals(identity(ace.actions.logging, what));
        List<FlatEntries.Entry> out = new ArrayList<>();
        List<PortRange> dl = dstPorts.isEmpty() ? java.util.Arrays.asList((PortRange) null) : dstPorts;
        List<PortRange> sl = srcPorts.isEmpty() ? java.util.Arrays.asList((PortRange) null) : srcPorts;
        for (PortRange s : sl) {
            for (PortRange d : dl) {
                out.add(new FlatEntries.Entry(position, term, protocol, dst, d, src, s, action, null, log, null));
            }
        }
        return out;
    }

    /** lower/upper, or operator (default eq) + port; neq becomes the two ranges around the port. */
    private static List<PortRange> ports(IPort p, String what, String where) {
        if (p == null) {
            return List.of();
        }
        try {
            if (trim(p.lowerPort) != null || trim(p.upperPort) != null) {
                PortRange r = new PortRange(Integer.parseInt(trim(p.lowerPort)), Integer.parseInt(trim(p.upperPort)));
                return r.equals(PortRange.ALL) ? List.of() : List.of(r);
            }
            int port = Integer.parseInt(trim(p.port));
            String op = trim(p.operator) == null ? "eq" : trim(p.operator);
            List<PortRange> out =
                    switch (op) {
                        case "eq" -> List.of(PortRange.single(port));
                        case "lte" -> List.of(new PortRange(0, port));
                        case "gte" -> List.of(new PortRange(port, PortRange.MAX));
                        case "neq" -> {
                            List<PortRange> two = new ArrayList<>();
                            if (port > 0) {
                                two.add(new PortRange(0, port - 1));
                            }
                            if (port < PortRange.MAX) {
                                two.add(new PortRange(port + 1, PortRange.MAX));
                            }
                            yield two;
                        }
                        default ->
                            throw new ReadException("cannot read " + what + ": " + where + " has port operator '" + op
                                    + "'; expected eq, lte, gte or neq");
                    };
            return out.size() == 1 && out.get(0).equals(PortRange.ALL) ? List.of() : out;
        } catch (NumberFormatException | NullPointerException e) {
            throw new ReadException("cannot read " + what + ": " + where
                    + " has an incomplete or non-numeric port match; check the device");
        } catch (IllegalArgumentException e) {
            throw new ReadException(
                    "cannot read " + what + ": " + where + " has an invalid port match (" + e.getMessage() + ")");
        }
    }

    static String identity(QName value, String what) {
        String ns = value.getPrefix().isEmpty() ? "" : value.getNamespaceURI();
        if (!ns.isEmpty() && !ns.equals(IetfFacts.NS_ACL)) {
            throw new ReadException("cannot read " + what + ": identity " + value.getLocalPart() + " is in namespace "
                    + ns + ", expected " + IetfFacts.NS_ACL + "; check the prefix declarations");
        }
        return value.getLocalPart().trim();
    }

    private static IpPrefix prefix(String text, String what, String where) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return IpPrefix.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ReadException(
                    "cannot read " + what + ": " + where + " has network '" + text.trim() + "', not a prefix");
        }
    }

    private static String first(String a, String b) {
        return trim(a) != null ? trim(a) : trim(b);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
