package io.portcullis.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import io.portcullis.platform.registry.Platforms;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every platform against every capability: an IR that uses exactly one {@link Feature} beyond a plain IPv4
 * drop term renders when the platform's {@code FEATURES} set has it and is refused, naming that feature,
 * when it does not. The refusals come from the sets (through {@link FeatureCheck}), so a set edited without
 * the renderer (or the other way round) fails here.
 */
class FeatureRefusalTest {
    static Stream<Arguments> everyPlatformAndFeature() {
        List<Arguments> out = new ArrayList<>();
        for (PlatformAdapter p : Platforms.all()) {
            for (Feature f : Feature.values()) {
                out.add(Arguments.of(p.id(), f));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyPlatformAndFeature")
    void refusesExactlyTheMissingFeaturesAndRendersTheRest(String platform, Feature feature) {
        PlatformAdapter p = Platforms.get(platform);
        // a direction only shows in a binding: on a platform that binds nothing (vrp) FROM_SUBSCRIBER has no IR of its
        // own
        assumeTrue(feature != Feature.FROM_SUBSCRIBER
                || p.facts().supports(Feature.INTERFACE_BINDINGS)
                || p.facts().supports(Feature.PROFILE_BINDINGS));
        FilterIntent ir = sample(feature, p.facts());
        if (!feature.limit()) {
            // the sample really needs the feature under test, so a refusal or a render says something about it
            assertThat(ir.filters().stream()
                                    .flatMap(f -> Stream.concat(
                                            FeatureCheck.needs(f, p.facts().implicitDefault()).stream(),
                                            f.terms().stream().flatMap(t -> FeatureCheck.needs(f, t).stream())))
                                    .anyMatch(feature::equals)
                            || ir.bindings().stream()
                                    .anyMatch(b -> FeatureCheck.needs(b).contains(feature)))
                    .as("the sample for %s needs it", feature)
                    .isTrue();
        }
        if (p.facts().supports(feature)) {
            assertThatCode(() -> p.renderConfig(ir))
                    .as("%s supports %s", platform, feature)
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> p.renderConfig(ir))
                    .as("%s lacks %s", platform, feature)
                    .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                        assertThat(e.kind()).isEqualTo(feature);
                        assertThat(e.getMessage()).startsWith(e.platform() + " cannot express ");
                    });
        }
    }

    /** A plain IPv4 drop of tcp/25, changed in the one way that needs {@code f}; limits get the plain filter. */
    static FilterIntent sample(Feature f, PlatformFacts facts) {
        AddressFamily family = f == Feature.IPV6 || f == Feature.LOGGING_IPV6 ? AddressFamily.IPV6 : AddressFamily.IPV4;
        Match match = Match.destinationPorts(Protocol.TCP, List.of(PortRange.single(25)));
        Action action = Action.DISCARD;
        boolean log = false;
        Action defaultAction = facts.implicitDefault();
        List<Binding> bindings = new ArrayList<>();
        String filter = "PC-DROP";
        switch (f) {
            case PORT_RANGES -> match = Match.destinationPorts(Protocol.TCP, List.of(new PortRange(25, 30)));
            case EXEMPTIONS -> {
                match = match.withDestinationPrefixes(List.of(IpPrefix.parse("198.51.100.0/24")));
                action = Action.ACCEPT;
            }
            case SOURCE_PREFIXES ->
                match = new Match(
                        Protocol.TCP,
                        List.of(PortRange.single(25)),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(IpPrefix.parse("192.0.2.0/24")));
            case SOURCE_PORTS ->
                match = new Match(
                        Protocol.TCP,
                        List.of(PortRange.single(25)),
                        List.of(PortRange.single(1024)),
                        List.of(),
                        List.of(),
                        List.of());
            case EITHER_PORTS ->
                match = new Match(
                        Protocol.TCP, List.of(), List.of(), List.of(PortRange.single(25)), List.of(), List.of());
            case REJECT -> action = Action.REJECT;
            case LOGGING, LOGGING_IPV6 -> log = true;
            case DEFAULT_ACTION ->
                defaultAction = facts.implicitDefault() == Action.DISCARD ? Action.ACCEPT : Action.DISCARD;
            case INTERFACE_BINDINGS ->
                bindings.add(
                        new Binding(AttachKind.INTERFACE, "ge-1/0/0.100", family, Direction.FROM_SUBSCRIBER, filter));
            case PROFILE_BINDINGS ->
                bindings.add(new Binding(AttachKind.PROFILE, "RESIDENTIAL", family, Direction.FROM_SUBSCRIBER, filter));
            case FROM_SUBSCRIBER ->
                bindings.add(new Binding(
                        facts.supports(Feature.PROFILE_BINDINGS) ? AttachKind.PROFILE : AttachKind.INTERFACE,
                        facts.supports(Feature.PROFILE_BINDINGS) ? "RESIDENTIAL" : "ge-1/0/0.100",
                        family,
                        Direction.FROM_SUBSCRIBER,
                        filter));
            case CHAINING -> {
                // an embedded filter has no default of its own; SR OS (the one platform that embeds) wants it to fall
                // through
                bindings.add(new Binding(
                        AttachKind.EMBED, "OPERATOR-IN offset 100", family, Direction.FROM_SUBSCRIBER, filter));
                if (facts.supports(Feature.CHAINING)) {
                    defaultAction = Action.ACCEPT;
                }
            }
            default -> {
                // IPV4, IPV6 and the value limits: the plain filter
            }
        }
        Term term = new Term("deny-smtp", 10, match, action, null, log, null);
        return new FilterIntent(
                "r1", "test", List.of(new Filter(filter, family, List.of(term), defaultAction, null)), bindings);
    }
}
