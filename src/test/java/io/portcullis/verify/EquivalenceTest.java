package io.portcullis.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Feature;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Match;
import io.portcullis.intent.Protocol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EquivalenceTest {
    private static final List<String> PLATFORMS = List.of("junos", "iosxr", "sros", "vrp", "openconfig", "ietf");

    /** The same policy on six devices with different attach point names (as six read-backs would be). */
    private static List<FilterIntent> six(boolean exempt) {
        List<FilterIntent> out = new ArrayList<>();
        for (String p : PLATFORMS) {
            FilterIntent base = DefaultPolicyIr.intent(exempt);
            List<Binding> bindings = base.bindings().stream()
                    .map(b -> new Binding(
                            b.kind(),
                            b.kind() == AttachKind.INTERFACE ? p + "-if-1" : p + "-PROFILE",
                            b.family(),
                            b.direction(),
                            b.filterName()))
                    .toList();
            out.add(new FilterIntent("bng-" + p, p, base.filters(), bindings));
        }
        return out;
    }

    @Test
    void sixRenderingsOfOnePolicyAreEquivalent() {
        EquivalenceResult r = Equivalence.compare(six(true), List.of());
        assertThat(r.differences()).isEmpty();
        assertThat(r.equivalent()).isTrue();
        assertThat(r.compared()).containsExactlyElementsOf(PLATFORMS);
        assertThat(r.packetClasses()).isGreaterThan(50);
    }

    @Test
    void firstDifferingPacketIsReportedWithEachPlatformsVerdict() {
        List<FilterIntent> six = six(false);
        six.set(3, DefaultPolicyIr.mutateTerms(six.get(3), AddressFamily.IPV4, t -> {
            t.set(
                    1,
                    DefaultPolicyIr.replaceMatch(
                            t.get(1),
                            new Match(Protocol.TCP, List.of(), List.of(), DefaultPolicyIr.SMTP, List.of(), List.of())));
            return t;
        }));
        EquivalenceResult r = Equivalence.compare(six, List.of());
        assertThat(r.equivalent()).isFalse();
        Difference d = r.differences().get(0);
        assertThat(d.packet().family()).isEqualTo(AddressFamily.IPV4);
        assertThat(d.packet().sourcePort()).isIn(25, 465, 587, 2525);
        assertThat(d.verdicts().get("vrp").fate()).isEqualTo(Fate.DROPPED);
        assertThat(d.verdicts().get("vrp").decidedBy()).isEqualTo("PORTCULLIS-SUBPROTECT-V4/deny-smtp");
        assertThat(d.verdicts().get("junos").fate()).isEqualTo(Fate.FORWARDED);
        assertThat(d.verdicts()).hasSize(6);
        assertThat(d.describe()).contains("vrp dropped (PORTCULLIS-SUBPROTECT-V4/deny-smtp)");
    }

    @Test
    void declaredLimitationExcusesExactlyItsPackets() {
        List<FilterIntent> six = six(true);
        // vrp cannot express the exemption: its exempt term is missing
        six.set(3, DefaultPolicyIr.mutateTerms(six.get(3), AddressFamily.IPV4, t -> t.subList(1, t.size())));
        assertThat(Equivalence.compare(six, List.of()).equivalent()).isFalse();
        EquivalenceResult r = Equivalence.compare(
                six,
                List.of(new PlatformLimitation("vrp", Feature.EXEMPTIONS, "UCL has no destination prefixes here")));
        assertThat(r.differences()).isEmpty();
        assertThat(r.excused()).isNotEmpty().allSatisfy(d -> {
            assertThat(d.packet().exempt()).isTrue();
            assertThat(d.excusedBy().platform()).isEqualTo("vrp");
        });
        // a limitation of another platform or feature excuses nothing
        assertThat(Equivalence.compare(
                                six,
                                List.of(
                                        new PlatformLimitation("sros", Feature.EXEMPTIONS, null),
                                        new PlatformLimitation("vrp", Feature.IPV6, null)))
                        .equivalent())
                .isFalse();
    }

    @Test
    void missingIpv6OnOnePlatformIsADifferenceUnlessDeclared() {
        List<FilterIntent> six = six(false);
        FilterIntent ietf = six.get(5);
        six.set(
                5,
                new FilterIntent(
                        ietf.device(),
                        ietf.platform(),
                        ietf.filters(),
                        ietf.bindings().stream()
                                .filter(b -> b.family() == AddressFamily.IPV4)
                                .toList()));
        EquivalenceResult r = Equivalence.compare(six, List.of());
        Difference d = r.differences().get(0);
        assertThat(d.packet().family()).isEqualTo(AddressFamily.IPV6);
        assertThat(d.verdicts().get("ietf").decidedBy()).isEqualTo("no filter bound");
        assertThat(d.packet().direction()).isEqualTo(Direction.TO_SUBSCRIBER);
        assertThat(Equivalence.compare(six, List.of(new PlatformLimitation("ietf", Feature.parse("ipv6"), null)))
                        .equivalent())
                .isTrue();
    }

    @Test
    void attachPointsOfOneDeviceThatDisagreeAreADifference() {
        List<FilterIntent> six = six(false);
        FilterIntent j = six.get(0);
        six.set(
                0,
                new FilterIntent(
                        j.device(),
                        j.platform(),
                        j.filters(),
                        j.bindings().stream()
                                .filter(b -> !(b.kind() == AttachKind.PROFILE && b.family() == AddressFamily.IPV4))
                                .toList()));
        Difference d = Equivalence.compare(six, List.of()).differences().get(0);
        assertThat(d.verdicts()).containsKeys("junos@junos-if-1", "junos@junos-PROFILE");
        assertThat(d.verdicts().get("junos@junos-PROFILE").decidedBy()).isEqualTo("no filter bound");
    }

    @Test
    void unknownFeatureIsAClearError() {
        assertThatThrownBy(() -> Feature.parse("teleport"))
                .hasMessageContaining("unknown feature 'teleport'")
                .hasMessageContaining("port-ranges");
    }
}
