package io.portcullis.platform.vrp;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Ownership;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import io.portcullis.platform.FlatEntries;
import io.portcullis.platform.ReadException;
import io.portcullis.platform.ReadResult;
import io.portcullis.platform.TermNotes;
import io.portcullis.platform.XmlReading;
import io.portcullis.platform.vrp.jaxb.VAcl;
import io.portcullis.platform.vrp.jaxb.VGroup;
import io.portcullis.platform.vrp.jaxb.VRule;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * huawei-acl payload or get-config reply → IR. Tolerant: any prefix for the huawei-acl namespace,
 * defaults present or absent (0.0.0.0/255.255.255.255 = any, aclActiveStatus, aclLogFlag false),
 * rules ordered by aclRuleID (match-order config), lt/gt port operators, source matches read as such,
 * foreign ACLs and counters ignored. Inactive rules are skipped with a warning (they match nothing).
 */
public final class VrpReader {
    private static final JAXBContext CONTEXT;

    static {
        try {
            CONTEXT = JAXBContext.newInstance(VAcl.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private VrpReader() {}

    public static ReadResult read(String device, String xml) {
        String what = "Huawei ACL configuration of " + device;
        XmlReading.Roots roots =
                XmlReading.read(xml, what, CONTEXT, Map.of("acl", VAcl.class), XmlReading.allTo(VrpFacts.NS_ACL));
        List<Filter> v4 = new ArrayList<>();
        List<Filter> v6 = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (VAcl acl : roots.all("acl", VAcl.class)) {
            for (VGroup g : acl.groups) {
                filter(g, AddressFamily.IPV4, g.rules4, what, warnings, v4);
            }
            for (VGroup g : acl.groups6) {
                filter(g, AddressFamily.IPV6, g.rules6, what, warnings, v6);
            }
        }
        List<Filter> filters = new ArrayList<>(v4);
        filters.addAll(v6);
        return new ReadResult(new FilterIntent(device, VrpFacts.PLATFORM, filters, List.of()), List.of(), warnings);
    }

    private static void filter(
            VGroup g, AddressFamily family, List<VRule> rules, String what, List<String> warnings, List<Filter> out) {
        String name = trim(g.aclNumOrName);
        if (!Ownership.isOwned(name)) {
            return;
        }
        if (g.aclType != null && !"Advance".equals(trim(g.aclType))) {
            warnings.add("ACL " + name + " has type " + trim(g.aclType) + ", not Advance; its rules were not read");
        }
        List<FlatEntries.Entry> entries = new ArrayList<>();
        for (VRule r : rules) {
            FlatEntries.Entry e = entry(name, family, r, what, warnings);
            if (e != null) {
                entries.add(e);
            }
        }
        entries.sort(Comparator.comparingLong(FlatEntries.Entry::sequence));
        out.add(new Filter(
                name, family, FlatEntries.group(entries), VrpFacts.FACTS.implicitDefault(), trim(g.aclDescription)));
    }

    private static FlatEntries.Entry entry(
            String acl, AddressFamily family, VRule r, String what, List<String> warnings) {
        String ruleName = trim(r.aclRuleName);
        String where = "ACL " + acl + " rule " + ruleName;
        long id;
        try {
            id = Long.parseLong(trim(r.aclRuleID));
        } catch (NumberFormatException | NullPointerException e) {
            throw new ReadException(
                    "cannot read " + what + ": " + where + " has no numeric aclRuleID; check the reply");
        }
        if (ruleName == null) {
            ruleName = "rule-" + id;
        }
        if ("inactive".equals(trim(r.aclActiveStatus))) {
            warnings.add(where + " is inactive and was skipped");
            return null;
        }
        int hash = ruleName.lastIndexOf(VrpFacts.SPLIT);
        String term = hash > 0
                        && hash < ruleName.length() - 1
                        && ruleName.substring(hash + 1).chars().allMatch(Character::isDigit)
                ? ruleName.substring(0, hash)
                : ruleName;
        Action action =
                switch (String.valueOf(trim(r.aclAction))) {
                    case "permit" -> Action.ACCEPT;
                    case "deny" -> Action.DISCARD;
                    default ->
                        throw new ReadException("cannot read " + what + ": " + where + " has aclAction '" + r.aclAction
                                + "'; expected permit or deny");
                };
        Protocol protocol;
        try {
            int n = Integer.parseInt(trim(r.aclProtocol));
            protocol = n == 0 ? Protocol.ANY : Protocol.of(n);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ReadException(
                    "cannot read " + what + ": " + where + " has aclProtocol '" + r.aclProtocol + "', not 0..255");
        } catch (IllegalArgumentException e) {
            throw new ReadException(
                    "cannot read " + what + ": " + where + " has aclProtocol '" + r.aclProtocol + "', not 0..255");
        }
        IpPrefix dst = prefix(family, r.aclDestIp, r.aclDestWild, r.aclDestMaskMode, r.aclDestIpMask, what, where);
        IpPrefix src = prefix(family, r.aclSourceIp, r.aclSrcWild, r.aclSrcMaskMode, r.aclSourceIpMask, what, where);
        PortRange dstPort = port(r.aclDestPortOp, r.aclDestPortB, r.aclDestPortE, what, where);
        PortRange srcPort = port(r.aclSrcPortOp, r.aclSrcPortBegin, r.aclSrcPortEnd, what, where);
        TermNotes.Decoded notes = TermNotes.decode(trim(r.aclRuleDescription));
        boolean log = "true".equals(trim(r.aclLogFlag));
        return new FlatEntries.Entry(
                id, term, protocol, dst, dstPort, src, srcPort, action, notes.get("counter"), log, notes.text());
    }

    /** IPv4: address + wildcard (inverse mask); IPv6: address + prefix length, or a mask in Negative mode. */
    private static IpPrefix prefix(
            AddressFamily family, String ip, String wild, String mode, String mask, String what, String where) {
        String address = trim(ip);
        if (address == null) {
            return null;
        }
        try {
            if (family == AddressFamily.IPV4) {
                String w = trim(wild) == null ? "255.255.255.255" : trim(wild);
                BigInteger inverse = IpPrefix.parse(w).network();
                int hostBits = inverse.bitLength();
                if (!inverse.equals(BigInteger.ONE.shiftLeft(hostBits).subtract(BigInteger.ONE))) {
                    throw new ReadException("cannot read " + what + ": " + where + " has wildcard " + w
                            + ", which is not a prefix; Portcullis cannot represent it");
                }
                IpPrefix p = new IpPrefix(family, IpPrefix.parse(address).network(), 32 - hostBits);
                return p.length() == 0 ? null : p;
            }
            int length;
            if ("Negative".equals(trim(mode))) {
                BigInteger m = IpPrefix.parse(trim(mask)).network();
                length = m.bitCount();
            } else {
                length = trim(wild) == null ? 128 : Integer.parseInt(trim(wild));
            }
            IpPrefix p = new IpPrefix(family, IpPrefix.parse(address).network(), length);
            return p.length() == 0 ? null : p;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ReadException("cannot read " + what + ": " + where + " has address '" + address + "' with mask '"
                    + wild + "', which is not a prefix");
        }
    }

    private static PortRange port(String op, String begin, String end, String what, String where) {
        String o = trim(op);
        if (o == null) {
            return null;
        }
        try {
            PortRange r =
                    switch (o) {
                        case "eq" -> PortRange.single(Integer.parseInt(trim(begin)));
                        case "range" -> new PortRange(Integer.parseInt(trim(begin)), Integer.parseInt(trim(end)));
                        case "lt" -> new PortRange(0, Integer.parseInt(trim(end)) - 1);
                        case "gt" -> new PortRange(Integer.parseInt(trim(begin)) + 1, PortRange.MAX);
                        default ->
                            throw new ReadException("cannot read " + what + ": " + where + " has port operator '" + o
                                    + "'; expected eq, lt, gt or range");
                    };
            return r.equals(PortRange.ALL) ? null : r;
        } catch (NumberFormatException | NullPointerException e) {
            throw new ReadException(
                    "cannot read " + what + ": " + where + " has an incomplete " + o + " port match; check the device");
        } catch (ReadException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ReadException(
                    "cannot read " + what + ": " + where + " has an invalid port match (" + e.getMessage() + ")");
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
