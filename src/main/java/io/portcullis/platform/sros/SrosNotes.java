package io.portcullis.platform.sros;

import io.portcullis.intent.Feature;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Term;
import io.portcullis.platform.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The entry description that carries what SR OS has no leaf for: {@code name [#counter] [| description]}
 * (80 characters at most), and the normalisation that makes an IR fit SR OS without changing any
 * packet's fate: descriptions shortened to fit, and multi-value port and prefix lists in the order
 * a match-list holds them (single ports ascending, then ranges; prefixes ascending).
 */
final class SrosNotes {
    static final String DESCRIPTION_SEPARATOR = " | ";
    static final String COUNTER_MARK = " #";

    private SrosNotes() {}

    record Parsed(String name, String counter, String description) {}

    static String head(Term t) {
        return t.name() + (t.counter() == null ? "" : COUNTER_MARK + t.counter());
    }

    static String entryDescription(Term t) {
        return head(t) + (t.description() == null ? "" : DESCRIPTION_SEPARATOR + t.description());
    }

    static Parsed parse(String text) {
        String head = text;
        String desc = null;
        int bar = text.indexOf(DESCRIPTION_SEPARATOR);
        if (bar >= 0) {
            head = text.substring(0, bar);
            desc = text.substring(bar + DESCRIPTION_SEPARATOR.length());
        } else if (text.endsWith(" |")) {
            head = text.substring(0, text.length() - 2);
            desc = "";
        }
        int hash = head.indexOf(COUNTER_MARK);
        String name = (hash < 0 ? head : head.substring(0, hash)).strip();
        String counter =
                hash < 0 ? null : head.substring(hash + COUNTER_MARK.length()).strip();
        return new Parsed(name, counter, desc);
    }

    static void check(Filter f, Term t) {
        for (String s : new String[] {t.name(), t.counter()}) {
            if (s != null
                    && (s.isEmpty()
                            || s.chars()
                                    .anyMatch(c -> Character.isWhitespace(c)
                                            || c == '|'
                                            || c == '#'
                                            || c < 0x21
                                            || c > 0x7e))) {
                throw new UnsupportedFeatureException(
                        Feature.NAMES,
                        "term name or counter '" + s + "' with spaces, '|', '#' or non-ASCII characters "
                                + "(both are kept in the entry description)",
                        t.name(),
                        SrosFacts.PLATFORM);
            }
        }
        if (head(t).length() > SrosFacts.DESCRIPTION_MAX) {
            throw new UnsupportedFeatureException(
                    Feature.NAMES,
                    "term name plus counter name longer than " + SrosFacts.DESCRIPTION_MAX
                            + " characters (the entry description holds both)",
                    t.name(),
                    SrosFacts.PLATFORM);
        }
        if (t.description() != null && !t.description().chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new UnsupportedFeatureException(
                    Feature.DESCRIPTIONS,
                    "a description with non-printable or non-ASCII characters",
                    t.name(),
                    SrosFacts.PLATFORM);
        }
    }

    static FilterIntent normalize(FilterIntent in) {
        List<Filter> filters = new ArrayList<>();
        for (Filter f : in.filters()) {
            List<Term> terms = new ArrayList<>();
            for (Term t : f.terms()) {
                terms.add(normalize(t));
            }
            String d = f.description() == null || f.description().isBlank()
                    ? null
                    : clip(f.description(), SrosFacts.DESCRIPTION_MAX);
            filters.add(new Filter(f.name(), f.family(), terms, f.defaultAction(), d));
        }
        return new FilterIntent(in.device(), in.platform(), filters, in.bindings());
    }

    private static Term normalize(Term t) {
        Match m = t.match();
        Match n = new Match(
                m.protocol(),
                ports(m.destinationPorts()),
                ports(m.sourcePorts()),
                ports(m.eitherPorts()),
                prefixes(m.destinationPrefixes()),
                prefixes(m.sourcePrefixes()));
        String desc = t.description();
        if (desc != null) {
            int room = SrosFacts.DESCRIPTION_MAX - head(t).length() - DESCRIPTION_SEPARATOR.length();
            desc = room <= 0 ? null : clip(desc, room);
        }
        return new Term(t.name(), t.sequence(), n, t.action(), t.counter(), t.log(), desc);
    }

    /** The order a port-list holds: single ports ascending, then ranges ascending (one value stays as is). */
    static List<PortRange> ports(List<PortRange> in) {
        if (in.size() <= 1) {
            return in;
        }
        List<PortRange> out =
                new ArrayList<>(in.stream().filter(PortRange::isSingle).sorted().toList());
        out.addAll(in.stream().filter(r -> !r.isSingle()).sorted().toList());
        return out;
    }

    static List<IpPrefix> prefixes(List<IpPrefix> in) {
        if (in.size() <= 1) {
            return in;
        }
        return in.stream()
                .sorted(Comparator.comparing(IpPrefix::network).thenComparingInt(IpPrefix::length))
                .toList();
    }

    private static String clip(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max).stripTrailing();
    }
}
