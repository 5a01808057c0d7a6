package io.portcullis.platform.iosxr;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Feature;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Term;
import io.portcullis.platform.AttachSlots;
import io.portcullis.platform.FeatureCheck;
import io.portcullis.platform.QuteTemplates;
import io.portcullis.platform.UnsupportedFeatureException;
import io.portcullis.platform.iosxr.IosXrView.Acl;
import io.portcullis.platform.iosxr.IosXrView.Attach;
import io.portcullis.platform.iosxr.IosXrView.Config;
import io.portcullis.platform.iosxr.IosXrView.Entry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IR → IOS-XR native-model payload (templates/iosxr/). Each owned ACL is replaced whole
 * ({@code nc:operation="replace"} on its {@code access}); bindings merge into
 * {@code ipv4|ipv6-packet-filter/outbound|inbound} of the interface or dynamic template. See
 * {@link IosXrFacts} for how terms map onto numbered entries.
 */
public final class IosXrRenderer {
    private IosXrRenderer() {}

    public static String config(FilterIntent intent) {
        return QuteTemplates.render("iosxr/config.xml", Map.of("c", view(intent)));
    }

    public static String text(FilterIntent intent) {
        return QuteTemplates.render("iosxr/text.txt", Map.of("c", view(intent)));
    }

    public static String removal(FilterIntent intent) {
        return QuteTemplates.render("iosxr/removal.xml", Map.of("c", view(intent)));
    }

    public static String subtreeFilter(FilterIntent intent) {
        return QuteTemplates.render("iosxr/filter.xml", Map.of("c", view(intent)));
    }

    static Config view(FilterIntent intent) {
        List<Acl> v4 = new ArrayList<>();
        List<Acl> v6 = new ArrayList<>();
        for (Filter f : intent.filters()) {
            FeatureCheck.require(
                    IosXrFacts.FACTS,
                    FeatureCheck.needs(f, IosXrFacts.FACTS.implicitDefault()),
                    IosXrFacts.PLATFORM,
                    null,
                    need -> need == Feature.DEFAULT_ACTION
                            ? "default action " + f.defaultAction() + " for ACL " + f.name()
                                    + " (an XR ACL ends in an implicit deny; end with a match-all entry instead)"
                            : null);
            (f.family() == AddressFamily.IPV4 ? v4 : v6).add(new Acl(f.name(), entries(f)));
        }
        Map<String, String[]> ifaces = new LinkedHashMap<>();
        Map<String, String[]> templates = new LinkedHashMap<>();
        for (Binding b : intent.bindings()) {
            FeatureCheck.require(
                    IosXrFacts.FACTS,
                    FeatureCheck.needs(b),
                    IosXrFacts.PLATFORM,
                    null,
                    need -> need == Feature.CHAINING
                            ? "embedding " + b.filterName() + " into filter " + b.point()
                                    + " (XR has no embedded filters)"
                            : null);
            String[] slots = (b.kind() == AttachKind.INTERFACE ? ifaces : templates)
                    .computeIfAbsent(b.point(), k -> new String[AttachSlots.SIZE]);
            int i = AttachSlots.index(b);
            if (slots[i] != null && !slots[i].equals(b.filterName())) {
                throw new UnsupportedFeatureException(
                        Feature.ONE_FILTER_PER_SLOT,
                        "two ACLs bound at " + b.point() + " " + b.family().id() + " "
                                + (b.direction() == Direction.FROM_SUBSCRIBER ? "ingress" : "egress") + " (" + slots[i]
                                + ", " + b.filterName()
                                + "); XR takes one ACL per family and direction",
                        null,
                        IosXrFacts.PLATFORM);
            }
            slots[i] = b.filterName();
        }
        return new Config(v4, v6, attach(ifaces), attach(templates));
    }

    private static List<Attach> attach(Map<String, String[]> points) {
        List<Attach> out = new ArrayList<>();
        points.forEach((name, s) -> out.add(new Attach(name, s[0], s[1], s[2], s[3])));
        return out;
    }

    private static List<Entry> entries(Filter f) {
        List<Entry> out = new ArrayList<>();
        if (f.description() != null) {
            out.add(remark(IosXrFacts.DESCRIPTION_SEQUENCE, f.description()));
        }
        for (Term t : f.terms()) {
            check(f, t);
            long base = (long) t.sequence() * IosXrFacts.BLOCK;
            out.add(remark(base, t.name() + (t.description() == null ? "" : " " + t.description())));
            Match m = t.match();
            long seq = base;
            String grant = t.action() == Action.ACCEPT ? "permit" : "deny";
            String protocol = IosXrFacts.protocolName(m.protocol().number(), f.family());
            for (IpPrefix dst : orAny(m.destinationPrefixes())) {
                for (IpPrefix src : orAny(m.sourcePrefixes())) {
                    for (PortRange sp : orAny(m.sourcePorts())) {
                        for (PortRange dp : orAny(m.destinationPorts())) {
                            seq++;
                            out.add(new Entry(
                                    seq,
                                    null,
                                    grant,
                                    protocol,
                                    src == null ? null : src.addressText(),
                                    src == null ? null : src.length(),
                                    dst == null ? null : dst.addressText(),
                                    dst == null ? null : dst.length(),
                                    op(sp),
                                    sp == null ? null : sp.from(),
                                    sp == null || sp.isSingle() ? null : sp.to(),
                                    op(dp),
                                    dp == null ? null : dp.from(),
                                    dp == null || dp.isSingle() ? null : dp.to(),
                                    t.counter(),
                                    t.log(),
                                    cli(seq, grant, protocol, src, sp, dst, dp, t)));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void check(Filter f, Term t) {
        Match m = t.match();
        String p = IosXrFacts.PLATFORM;
        FeatureCheck.require(IosXrFacts.FACTS, FeatureCheck.needs(f, t), p, t.name(), need -> switch (need) {
            case EITHER_PORTS -> "a source-or-destination ('either') port match";
            case REJECT -> "action REJECT (XR ACLs permit or deny)";
            default -> null;
        });
        if (t.name().isEmpty() || t.name().chars().anyMatch(Character::isWhitespace)) {
            throw new UnsupportedFeatureException(
                    Feature.NAMES,
                    "a term name that is empty or contains whitespace (it is carried in a remark)",
                    t.name(),
                    p);
        }
        if (t.sequence() < 1 || t.sequence() > IosXrFacts.MAX_TERM_SEQUENCE) {
            throw new UnsupportedFeatureException(
                    Feature.SEQUENCES,
                    "term sequence " + t.sequence() + " outside 1.." + IosXrFacts.MAX_TERM_SEQUENCE
                            + " (entries are numbered sequence x " + IosXrFacts.BLOCK + ")",
                    t.name(),
                    p);
        }
        long rules = (long) Math.max(1, m.destinationPrefixes().size())
                * Math.max(1, m.sourcePrefixes().size())
                * Math.max(1, m.sourcePorts().size())
                * Math.max(1, m.destinationPorts().size());
        if (rules > IosXrFacts.BLOCK - 1) {
            throw new UnsupportedFeatureException(
                    Feature.SEQUENCES,
                    "a term needing " + rules + " entries (prefixes x ports); at most " + (IosXrFacts.BLOCK - 1)
                            + " fit in one term's block",
                    t.name(),
                    p);
        }
        for (IpPrefix x : concat(m.destinationPrefixes(), m.sourcePrefixes())) {
            if (x.family() != f.family()) {
                throw new UnsupportedFeatureException(
                        Feature.PREFIX_FAMILY,
                        x.family().id() + " prefix " + x + " in an "
                                + f.family().id() + " ACL",
                        t.name(),
                        p);
            }
        }
        if (t.counter() != null && (t.counter().isEmpty() || t.counter().length() > 64)) {
            throw new UnsupportedFeatureException(
                    Feature.NAMES,
                    "counter name '" + t.counter() + "' (XR counter-name is 1..64 characters)",
                    t.name(),
                    p);
        }
    }

    private static List<IpPrefix> concat(List<IpPrefix> a, List<IpPrefix> b) {
        List<IpPrefix> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static <T> List<T> orAny(List<T> values) {
        return values.isEmpty() ? Collections.singletonList(null) : values;
    }

    private static String op(PortRange r) {
        return r == null ? null : r.isSingle() ? "equal" : "range";
    }

    private static Entry remark(long seq, String text) {
        return new Entry(
                seq,
                text,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                seq + " remark " + text);
    }

    private static String cli(
            long seq, String grant, String protocol, IpPrefix src, PortRange sp, IpPrefix dst, PortRange dp, Term t) {
        List<String> words = new ArrayList<>(Arrays.asList(Long.toString(seq), grant, protocol, address(src)));
        words.addAll(ports(sp));
        words.add(address(dst));
        words.addAll(ports(dp));
        if (t.counter() != null) {
            words.add("counter " + t.counter());
        }
        if (t.log()) {
            words.add("log");
        }
        return String.join(" ", words);
    }

    private static String address(IpPrefix p) {
        return p == null ? "any" : p.toString();
    }

    private static List<String> ports(PortRange r) {
        return r == null
                ? List.of()
                : r.isSingle() ? List.of("eq", Integer.toString(r.from())) : List.of("range", r.from() + " " + r.to());
    }
}
