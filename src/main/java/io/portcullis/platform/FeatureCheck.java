package io.portcullis.platform;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Feature;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Term;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Which {@link Feature} each IR construct needs, and the one refusal when a platform's set lacks it. Every
 * renderer asks here instead of testing constructs by hand, so a platform refuses exactly what its
 * {@code <P>Facts.FEATURES} leaves out (and {@code validate} can warn from the same answer). The value limits
 * (names, sequences, …) are not capabilities and stay with each renderer.
 *
 * <p>The sets are ordered: the first missing feature in that order is the one refused, which keeps the
 * refusal a policy with two unsupported constructs gets stable.
 */
public final class FeatureCheck {
    private FeatureCheck() {}

    /** What a filter needs by itself: its family, and a default action other than the platform's implicit one. */
    public static Set<Feature> needs(Filter f, Action implicitDefault) {
        Set<Feature> out = new LinkedHashSet<>();
        out.add(f.family() == AddressFamily.IPV4 ? Feature.IPV4 : Feature.IPV6);
        if (f.defaultAction() != implicitDefault) {
            out.add(Feature.DEFAULT_ACTION);
        }
        if (f.defaultAction() == Action.REJECT) {
            out.add(Feature.REJECT);
        }
        return Collections.unmodifiableSet(out);
    }

    /** What one term of {@code f} needs: its kinds of match, its action and its logging. */
    public static Set<Feature> needs(Filter f, Term t) {
        Match m = t.match();
        Set<Feature> out = new LinkedHashSet<>();
        if (!m.eitherPorts().isEmpty()) {
            out.add(Feature.EITHER_PORTS);
        }
        if (!m.sourcePorts().isEmpty()) {
            out.add(Feature.SOURCE_PORTS);
        }
        if (!m.sourcePrefixes().isEmpty()) {
            out.add(Feature.SOURCE_PREFIXES);
        }
        if (t.action() == Action.REJECT) {
            out.add(Feature.REJECT);
        }
        if (m.destinationPorts().stream().anyMatch(FeatureCheck::isRange)) {
            out.add(Feature.PORT_RANGES);
        }
        if (!m.destinationPrefixes().isEmpty()) {
            out.add(Feature.EXEMPTIONS);
        }
        if (t.log()) {
            out.add(f.family() == AddressFamily.IPV4 ? Feature.LOGGING : Feature.LOGGING_IPV6);
        }
        return Collections.unmodifiableSet(out);
    }

    /** What a binding needs: the kind of attach point (an embed is chaining) and its direction. */
    public static Set<Feature> needs(Binding b) {
        Set<Feature> out = new LinkedHashSet<>();
        out.add(
                switch (b.kind()) {
                    case INTERFACE -> Feature.INTERFACE_BINDINGS;
                    case PROFILE -> Feature.PROFILE_BINDINGS;
                    case EMBED -> Feature.CHAINING;
                });
        if (b.direction() == Direction.FROM_SUBSCRIBER && b.kind() != AttachKind.EMBED) {
            out.add(Feature.FROM_SUBSCRIBER);
        }
        return Collections.unmodifiableSet(out);
    }

    /** Everything a whole IR needs (what {@code validate} compares with a router's platform). */
    public static Set<Feature> needs(FilterIntent intent, Action implicitDefault) {
        EnumSet<Feature> out = EnumSet.noneOf(Feature.class);
        for (Filter f : intent.filters()) {
            out.addAll(needs(f, implicitDefault));
            f.terms().forEach(t -> out.addAll(needs(f, t)));
        }
        intent.bindings().forEach(b -> out.addAll(needs(b)));
        return Collections.unmodifiableSet(out);
    }

    /**
     * Refuses the first of {@code needed} the platform lacks.
     *
     * @param what the platform's own words for the construct that needs it ("a source-port match", …); null
     *             for a construct the platform has no wording for, then the feature's label is used
     */
    public static void require(
            PlatformFacts facts, Set<Feature> needed, String platform, String term, Function<Feature, String> what) {
        for (Feature f : needed) {
            if (!facts.supports(f)) {
                String words = what.apply(f);
                throw new UnsupportedFeatureException(f, words != null ? words : f.label(), term, platform);
            }
        }
    }

    private static boolean isRange(PortRange r) {
        return r.from() != r.to();
    }
}
