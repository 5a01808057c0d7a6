package io.portcullis.platform.junos;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Feature;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Term;
import io.portcullis.platform.AttachSlots;
import io.portcullis.platform.FeatureCheck;
import io.portcullis.platform.QuteTemplates;
import io.portcullis.platform.UnsupportedFeatureException;
import io.portcullis.platform.junos.JunosView.AfBinding;
import io.portcullis.platform.junos.JunosView.Config;
import io.portcullis.platform.junos.JunosView.Family;
import io.portcullis.platform.junos.JunosView.FilterView;
import io.portcullis.platform.junos.JunosView.Ifd;
import io.portcullis.platform.junos.JunosView.Profile;
import io.portcullis.platform.junos.JunosView.TermView;
import io.portcullis.platform.junos.JunosView.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IR → Junos {@code <configuration>} (templates/junos/). Owned filters carry
 * {@code nc:operation="replace"} so stray terms go; bindings merge into the unit's
 * {@code family inet|inet6 filter input|output}. Term sequence and description live in the term's
 * {@code junos:comment} ({@code /* [10] text *\/}) because Junos terms have neither.
 */
public final class JunosRenderer {
    private JunosRenderer() {}

    public static String config(FilterIntent intent) {
        return QuteTemplates.render("junos/config.xml", Map.of("c", view(intent)));
    }

    public static String text(FilterIntent intent) {
        return QuteTemplates.render("junos/text.txt", Map.of("c", view(intent)));
    }

    public static String removal(FilterIntent intent) {
        return QuteTemplates.render("junos/removal.xml", Map.of("c", view(intent)));
    }

    public static String subtreeFilter(FilterIntent intent) {
        return QuteTemplates.render("junos/filter.xml", Map.of("c", view(intent)));
    }

    static Config view(FilterIntent intent) {
        Map<String, List<FilterView>> byFamily = new LinkedHashMap<>();
        for (Filter f : intent.filters()) {
            byFamily.computeIfAbsent(family(f.family()), k -> new ArrayList<>()).add(filter(f));
        }
        List<Family> families = new ArrayList<>();
        byFamily.forEach((fam, filters) -> families.add(new Family(fam, filters)));

        // attach point → the AttachSlots (inet input, inet output, inet6 input, inet6 output)
        Map<String, String[]> ifaces = new LinkedHashMap<>();
        Map<String, String[]> profiles = new LinkedHashMap<>();
        for (Binding b : intent.bindings()) {
            FeatureCheck.require(
                    JunosFacts.FACTS,
                    FeatureCheck.needs(b),
                    JunosFacts.PLATFORM,
                    null,
                    need -> need == Feature.CHAINING
                            ? "embedding " + b.filterName() + " into filter " + b.point()
                                    + " (bind it, or list it in the host's filter list by hand)"
                            : null);
            if (b.kind() == AttachKind.INTERFACE) {
                unitOf(b.point());
            }
            String[] slot = (b.kind() == AttachKind.INTERFACE ? ifaces : profiles)
                    .computeIfAbsent(b.point(), k -> new String[AttachSlots.SIZE]);
            int i = AttachSlots.index(b);
            if (slot[i] != null && !slot[i].equals(b.filterName())) {
                throw new UnsupportedFeatureException(
                        Feature.ONE_FILTER_PER_SLOT,
                        "two filters bound at " + b.point() + " " + b.family().id() + " "
                                + (b.direction() == Direction.FROM_SUBSCRIBER ? "input" : "output") + " (" + slot[i]
                                + ", " + b.filterName() + ")",
                        null,
                        JunosFacts.PLATFORM);
            }
            slot[i] = b.filterName();
        }
        Map<String, List<Unit>> ifds = new LinkedHashMap<>();
        ifaces.forEach((point, fams) -> {
            String[] ifdUnit = unitOf(point);
            ifds.computeIfAbsent(ifdUnit[0], k -> new ArrayList<>()).add(new Unit(ifdUnit[1], afBindings(fams)));
        });
        List<Ifd> interfaces = new ArrayList<>();
        ifds.forEach((name, units) -> interfaces.add(new Ifd(name, units)));
        List<Profile> dynamic = new ArrayList<>();
        profiles.forEach((name, fams) -> dynamic.add(new Profile(
                name,
                List.of(new Ifd(
                        JunosFacts.PROFILE_IFD, List.of(new Unit(JunosFacts.PROFILE_UNIT, afBindings(fams))))))));
        return new Config(families, interfaces, dynamic);
    }

    /** The families bound at one point, inet first, each with its input and output filter (either may be null). */
    private static List<AfBinding> afBindings(String[] slots) {
        List<AfBinding> out = new ArrayList<>();
        for (int base = 0; base < AttachSlots.SIZE; base += 2) {
            if (slots[base] != null || slots[base + 1] != null) {
                out.add(new AfBinding(base == 0 ? "inet" : "inet6", slots[base], slots[base + 1]));
            }
        }
        return out;
    }

    /** "ge-1/0/0.100" → ["ge-1/0/0", "100"]; a Junos binding needs a logical unit. */
    static String[] unitOf(String point) {
        int dot = point.lastIndexOf('.');
        if (dot <= 0
                || dot == point.length() - 1
                || !point.substring(dot + 1).chars().allMatch(Character::isDigit)) {
            throw new UnsupportedFeatureException(
                    Feature.NAMES,
                    "interface attach point '" + point
                            + "' without a logical unit (write it as IFD.UNIT, e.g. ge-1/0/0.100)",
                    null,
                    JunosFacts.PLATFORM);
        }
        return new String[] {point.substring(0, dot), point.substring(dot + 1)};
    }

    static String family(AddressFamily f) {
        return f == AddressFamily.IPV4 ? "inet" : "inet6";
    }

    private static FilterView filter(Filter f) {
        FeatureCheck.require(
                JunosFacts.FACTS,
                FeatureCheck.needs(f, JunosFacts.FACTS.implicitDefault()),
                JunosFacts.PLATFORM,
                null,
                need -> need == Feature.DEFAULT_ACTION
                        ? "default action " + f.defaultAction() + " for filter " + f.name()
                                + " (a Junos filter ends in an implicit discard; end with a match-all term instead)"
                        : null);
        List<TermView> terms = new ArrayList<>();
        for (Term t : f.terms()) {
            terms.add(term(f, t));
        }
        String comment = f.description() == null ? null : comment(f.description(), null, f.name());
        return new FilterView(f.name(), comment, terms);
    }

    private static TermView term(Filter f, Term t) {
        FeatureCheck.require(JunosFacts.FACTS, FeatureCheck.needs(f, t), JunosFacts.PLATFORM, t.name(), need -> null);
        var m = t.match();
        List<String> protocols = m.protocol().isAny()
                ? List.of()
                : List.of(JunosFacts.protocolName(m.protocol().number(), f.family()));
        for (IpPrefix p : m.destinationPrefixes()) {
            checkFamily(f, t, p);
        }
        for (IpPrefix p : m.sourcePrefixes()) {
            checkFamily(f, t, p);
        }
        String prefix = "[" + t.sequence() + "]" + (t.description() == null ? "" : " " + t.description());
        return new TermView(
                t.name(),
                comment(prefix, t.name(), f.name()),
                f.family() == AddressFamily.IPV4 ? "protocol" : "next-header",
                protocols,
                m.destinationPrefixes().stream().map(IpPrefix::toString).toList(),
                m.sourcePrefixes().stream().map(IpPrefix::toString).toList(),
                ports(m.sourcePorts()),
                ports(m.destinationPorts()),
                ports(m.eitherPorts()),
                t.counter(),
                t.log(),
                t.action().name().toLowerCase(Locale.ROOT));
    }

    private static void checkFamily(Filter f, Term t, IpPrefix p) {
        if (p.family() != f.family()) {
            throw new UnsupportedFeatureException(
                    Feature.PREFIX_FAMILY,
                    p.family().id() + " prefix " + p + " in an " + f.family().id() + " filter",
                    t.name(),
                    JunosFacts.PLATFORM);
        }
    }

    private static List<String> ports(List<PortRange> ports) {
        return ports.stream().map(PortRange::toString).toList();
    }

    /** A {@code /* text *\/} annotation; the text must not close the comment early. */
    private static String comment(String text, String term, String filter) {
        if (text.contains("*/") || text.contains("/*")) {
            throw new UnsupportedFeatureException(
                    Feature.DESCRIPTIONS,
                    "a description containing '/*' or '*/' (kept in a junos:comment) in filter " + filter,
                    term,
                    JunosFacts.PLATFORM);
        }
        return "/* " + text + " */";
    }
}
