package io.portcullis.platform.iosxr;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import io.portcullis.platform.PortSpelling;
import io.portcullis.platform.ReadException;
import io.portcullis.platform.iosxr.jaxb.XEntry;
import io.portcullis.platform.iosxr.jaxb.XNetwork;
import io.portcullis.platform.iosxr.jaxb.XPort;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * Turns an ACL's numbered entries back into terms: a remark starts a term (name = first word, the
 * rest is the description; sequence = remark number / 1000), the rules after it are its entries. When
 * the rules are exactly the block the renderer writes (consecutive numbers, same action, protocol,
 * counter and log, the full prefix × port product in order) they fold into one term; otherwise each
 * rule stays a term of its own ({@code name#seq}) so the verifier sees exactly what the device does.
 */
final class IosXrTermGrouping {
    private final String acl;
    private final AddressFamily family;
    private final List<String> warnings;
    private String description;

    IosXrTermGrouping(String acl, AddressFamily family, List<String> warnings) {
        this.acl = acl;
        this.family = family;
        this.warnings = warnings;
    }

    /** The remark at sequence 1 (the ACL's description), or null; valid after {@link #terms}. */
    String description() {
        return description;
    }

    private record Rule(
            long seq,
            Action action,
            Protocol protocol,
            IpPrefix dst,
            IpPrefix src,
            List<PortRange> srcPorts,
            List<PortRange> dstPorts,
            String counter,
            boolean log) {}

    List<Term> terms(List<XEntry> raw) {
        List<XEntry> entries = new ArrayList<>(raw);
        entries.sort(Comparator.comparingLong(e -> seq(e)));
        List<Term> terms = new ArrayList<>();
        String header = null;
        long headerSeq = -1;
        List<Rule> members = new ArrayList<>();
        for (XEntry e : entries) {
            long seq = seq(e);
            if (e.remark != null && e.grant == null) {
                if (seq == IosXrFacts.DESCRIPTION_SEQUENCE && terms.isEmpty() && header == null) {
                    description = e.remark;
                    continue;
                }
                close(header, headerSeq, members, terms);
                header = e.remark;
                headerSeq = seq;
                members = new ArrayList<>();
            } else {
                Rule r = rule(e, seq);
                if (header != null && headerSeq % IosXrFacts.BLOCK == 0 && seq >= headerSeq + IosXrFacts.BLOCK) {
                    // past the remark's block: this rule is not part of that term
                    close(header, headerSeq, members, terms);
                    header = null;
                    members = new ArrayList<>();
                }
                if (header == null) {
                    terms.add(term("entry-" + seq, (int) seq, r, null));
                } else {
                    members.add(r);
                }
            }
        }
        close(header, headerSeq, members, terms);
        return terms;
    }

    private void close(String header, long headerSeq, List<Rule> members, List<Term> out) {
        if (header == null) {
            return;
        }
        String trimmed = header.strip();
        int space = header.indexOf(' ');
        String name = space < 0 ? trimmed : header.substring(0, space);
        String desc = space < 0 ? null : header.substring(space + 1);
        if (members.isEmpty()) {
            warnings.add(
                    "remark '" + header + "' at " + headerSeq + " in ACL " + acl + " has no rules after it; ignored");
            return;
        }
        int sequence = (int) (headerSeq % IosXrFacts.BLOCK == 0 ? headerSeq / IosXrFacts.BLOCK : headerSeq);
        Term folded = fold(name, sequence, desc, headerSeq, members);
        if (folded != null) {
            out.add(folded);
            return;
        }
        warnings.add("the rules after remark '" + name + "' in ACL " + acl
                + " are not one Portcullis term; read one term per rule");
        for (Rule r : members) {
            out.add(term(name + "#" + r.seq, (int) r.seq, r, desc));
        }
    }

    /** One term when the rules are exactly the renderer's block for it, else null. */
    private Term fold(String name, int sequence, String desc, long headerSeq, List<Rule> members) {
        Rule first = members.get(0);
        List<IpPrefix> dsts = new ArrayList<>();
        List<IpPrefix> srcs = new ArrayList<>();
        List<PortRange> sps = new ArrayList<>();
        List<PortRange> dps = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Rule r = members.get(i);
            if (r.seq != headerSeq + 1 + i
                    || r.action != first.action
                    || !r.protocol.equals(first.protocol)
                    || !Objects.equals(r.counter, first.counter)
                    || r.log != first.log
                    || r.srcPorts.size() > 1
                    || r.dstPorts.size() > 1) {
                return null;
            }
            addDistinct(dsts, r.dst);
            addDistinct(srcs, r.src);
            addDistinct(sps, r.srcPorts.isEmpty() ? null : r.srcPorts.get(0));
            addDistinct(dps, r.dstPorts.isEmpty() ? null : r.dstPorts.get(0));
        }
        // "any" may only appear alone in a dimension
        if (mixesAny(dsts) || mixesAny(srcs) || mixesAny(sps) || mixesAny(dps)) {
            return null;
        }
        int i = 0;
        for (IpPrefix d : dsts) {
            for (IpPrefix s : srcs) {
                for (PortRange sp : sps) {
                    for (PortRange dp : dps) {
                        if (i >= members.size()) {
                            return null;
                        }
                        Rule r = members.get(i++);
                        if (!Objects.equals(r.dst, d)
                                || !Objects.equals(r.src, s)
                                || !Objects.equals(r.srcPorts.isEmpty() ? null : r.srcPorts.get(0), sp)
                                || !Objects.equals(r.dstPorts.isEmpty() ? null : r.dstPorts.get(0), dp)) {
                            return null;
                        }
                    }
                }
            }
        }
        if (i != members.size()) {
            return null;
        }
        Match m = new Match(first.protocol, nonNull(dps), nonNull(sps), List.of(), nonNull(dsts), nonNull(srcs));
        return new Term(name, sequence, m, first.action, first.counter, first.log, desc);
    }

    private static <T> void addDistinct(List<T> list, T value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    private static <T> boolean mixesAny(List<T> list) {
        return list.size() > 1 && list.contains(null);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list.contains(null) ? List.of() : list;
    }

    private Term term(String name, int sequence, Rule r, String desc) {
        Match m = new Match(
                r.protocol,
                r.dstPorts,
                r.srcPorts,
                List.of(),
                r.dst == null ? List.of() : List.of(r.dst),
                r.src == null ? List.of() : List.of(r.src));
        return new Term(name, sequence, m, r.action, r.counter, r.log, desc);
    }

    private long seq(XEntry e) {
        try {
            return Long.parseLong(IosXrReader.required(e.sequenceNumber, "sequence-number in ACL " + acl));
        } catch (NumberFormatException ex) {
            throw new ReadException("sequence-number '" + e.sequenceNumber + "' in ACL " + acl + " is not a number");
        }
    }

    private Rule rule(XEntry e, long seq) {
        String where = "in entry " + seq + " of ACL " + acl;
        String grant = IosXrReader.required(e.grant, "grant " + where).toLowerCase(Locale.ROOT);
        Action action =
                switch (grant) {
                    case "permit" -> Action.ACCEPT;
                    case "deny" -> Action.DISCARD;
                    default ->
                        throw new ReadException("grant '" + e.grant + "' " + where + " is neither permit nor deny");
                };
        for (Object o : e.other) {
            if (o instanceof Element el) {
                warnings.add("condition '" + el.getLocalName() + "' " + where
                        + " is not modelled; the entry is read without it");
            }
        }
        XNetwork s = e.sourceNetwork;
        XNetwork d = e.destinationNetwork;
        XPort sp = e.sourcePort;
        XPort dp = e.destinationPort;
        return new Rule(
                seq,
                action,
                protocol(e.protocol, where),
                d == null
                        ? null
                        : prefix(d.destinationAddress, d.destinationPrefixLength, d.destinationWildCardBits, where),
                s == null ? null : prefix(s.sourceAddress, s.sourcePrefixLength, s.sourceWildCardBits, where),
                sp == null ? List.of() : ports(sp.sourceOperator, sp.firstSourcePort, sp.secondSourcePort, where),
                dp == null
                        ? List.of()
                        : ports(dp.destinationOperator, dp.firstDestinationPort, dp.secondDestinationPort, where),
                e.counterName == null || e.counterName.isBlank() ? null : e.counterName.trim(),
                e.logOption != null && !e.logOption.isBlank());
    }

    private Protocol protocol(String value, String where) {
        if (value == null || value.isBlank()) {
            return Protocol.ANY;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("ipv4") || v.equals("ipv6") || v.equals("ip")) {
            return Protocol.ANY;
        }
        Integer named = IosXrFacts.PROTOCOL_NAMES.get(v);
        try {
            return named != null ? Protocol.of(named) : Protocol.of(Integer.parseInt(v));
        } catch (IllegalArgumentException e) {
            throw new ReadException("protocol '" + value + "' " + where
                    + " is neither a number 0-255 nor a protocol name Portcullis knows");
        }
    }

    private IpPrefix prefix(String address, String length, String wildcard, String where) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            String a = address.trim();
            if (length != null && !length.isBlank()) {
                return check(IpPrefix.parse(a + "/" + length.trim()), where);
            }
            if (wildcard != null && !wildcard.isBlank()) {
                IpPrefix w = IpPrefix.parse(wildcard.trim());
                BigInteger bits = w.network();
                int hostBits = bits.bitLength();
                if (!bits.add(BigInteger.ONE).equals(BigInteger.ONE.shiftLeft(hostBits))) {
                    throw new ReadException("wildcard " + wildcard + " " + where
                            + " is not contiguous; Portcullis only models prefixes");
                }
                return check(IpPrefix.parse(a + "/" + (w.family().addressBits() - hostBits)), where);
            }
            return check(IpPrefix.parse(a), where);
        } catch (IllegalArgumentException e) {
            throw new ReadException("address '" + address + "' " + where + " is not a prefix: " + e.getMessage());
        }
    }

    private IpPrefix check(IpPrefix p, String where) {
        if (p.family() != family) {
            throw new ReadException("address " + p + " " + where + " is not an " + family.id() + " prefix");
        }
        return p;
    }

    private static List<PortRange> ports(String operator, String first, String second, String where) {
        if (first == null || first.isBlank()) {
            return List.of();
        }
        PortRange a = PortSpelling.parse(first, IosXrFacts.PORT_NAMES, where);
        String op = operator == null ? "equal" : operator.trim().toLowerCase(Locale.ROOT);
        int p = a.from();
        try {
            return switch (op) {
                case "equal", "eq" -> List.of(a);
                case "range" ->
                    List.of(new PortRange(
                            p,
                            PortSpelling.parse(
                                            IosXrReader.required(second, "second port " + where),
                                            IosXrFacts.PORT_NAMES,
                                            where)
                                    .from()));
                case "greater-than", "gt" ->
                    p >= PortRange.MAX ? Collections.emptyList() : List.of(new PortRange(p + 1, PortRange.MAX));
                case "less-than", "lt" -> p <= 0 ? Collections.emptyList() : List.of(new PortRange(0, p - 1));
                case "not-equal", "neq" -> {
                    List<PortRange> out = new ArrayList<>();
                    if (p > 0) {
                        out.add(new PortRange(0, p - 1));
                    }
                    if (p < PortRange.MAX) {
                        out.add(new PortRange(p + 1, PortRange.MAX));
                    }
                    yield out;
                }
                default -> throw new ReadException("port operator '" + operator + "' " + where + " is not one XR uses");
            };
        } catch (IllegalArgumentException e) {
            throw new ReadException("port range " + where + " is invalid: " + e.getMessage());
        }
    }
}
