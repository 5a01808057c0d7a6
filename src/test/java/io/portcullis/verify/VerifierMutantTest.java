package io.portcullis.verify;

import static io.portcullis.verify.DefaultPolicyIr.IFACE;
import static io.portcullis.verify.DefaultPolicyIr.PROFILE;
import static io.portcullis.verify.DefaultPolicyIr.SMTP;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each mutant of the seed policy's IR must be caught with a concrete, correct counterexample. */
class VerifierMutantTest {
    private static final Set<Integer> SMTP_PORTS = Set.of(25, 465, 587, 2525);

    @Test
    void theDefaultPolicyIsProven() {
        VerificationResult r = Verifier.verify(DefaultPolicyIr.intent(), DefaultPolicyIr.promise());
        assertThat(r.violations()).isEmpty();
        assertThat(r).isInstanceOf(Proof.class);
        assertThat(r.packetClasses()).isGreaterThan(100);
        assertThat(r.obligations()).contains("drop tcp 25,465,587,2525 ipv6 toward subscribers at PPPOE-SUB (smtp)");
        FilterStats v4 = r.filterStats().get(0);
        assertThat(v4.filter()).isEqualTo("PORTCULLIS-SUBPROTECT-V4");
        assertThat(v4.unusedTerms()).isEmpty();
        assertThat(v4.decidedByDefault()).isZero();
        assertThat(v4.dropped()).isPositive();
    }

    @Test
    void missingFinalAcceptIsCaught() {
        FilterIntent m = DefaultPolicyIr.mutateTerms(
                DefaultPolicyIr.intent(), AddressFamily.IPV4, t -> t.subList(0, t.size() - 1));
        Violation v = first(m);
        assertThat(v.expected()).isEqualTo(Fate.FORWARDED);
        assertThat(v.actual().fate()).isEqualTo(Fate.DROPPED);
        assertThat(v.actual().term()).isNull();
        assertThat(v.actual().decidedBy())
                .isEqualTo("PORTCULLIS-SUBPROTECT-V4: no term matched → implicit default (discard)");
        assertThat(v.packet().family()).isEqualTo(AddressFamily.IPV4);
        assertThat(v.packet().direction()).isEqualTo(Direction.TO_SUBSCRIBER);
    }

    @Test
    void droppedPort2525IsCaught() {
        FilterIntent m = DefaultPolicyIr.mutateTerms(DefaultPolicyIr.intent(), AddressFamily.IPV6, t -> {
            t.set(1, DefaultPolicyIr.replaceMatch(t.get(1), Match.destinationPorts(Protocol.TCP, SMTP.subList(0, 3))));
            return t;
        });
        List<Violation> all = Verifier.verify(m, DefaultPolicyIr.promise()).violations();
        assertThat(all).isNotEmpty().allSatisfy(v -> {
            assertThat(v.packet().protocol()).isEqualTo(Protocol.TCP);
            assertThat(v.packet().destinationPort()).isEqualTo(2525);
            assertThat(v.packet().family()).isEqualTo(AddressFamily.IPV6);
            assertThat(v.expected()).isEqualTo(Fate.DROPPED);
            assertThat(v.actual().decidedBy()).isEqualTo("PORTCULLIS-SUBPROTECT-V6/accept-rest");
        });
        assertThat(all).extracting(v -> v.packet().attachPoint()).containsExactly(IFACE, PROFILE);
    }

    @Test
    void eitherPortInsteadOfDestinationPortBlocksRepliesFromPort25() {
        FilterIntent m = DefaultPolicyIr.mutateTerms(DefaultPolicyIr.intent(), AddressFamily.IPV4, t -> {
            t.set(
                    1,
                    DefaultPolicyIr.replaceMatch(
                            t.get(1), new Match(Protocol.TCP, List.of(), List.of(), SMTP, List.of(), List.of())));
            return t;
        });
        Violation v = first(m);
        assertThat(v.packet().protocol()).isEqualTo(Protocol.TCP);
        assertThat(SMTP_PORTS).contains(v.packet().sourcePort());
        assertThat(SMTP_PORTS).doesNotContain(v.packet().destinationPort());
        assertThat(v.expected()).isEqualTo(Fate.FORWARDED);
        assertThat(v.actual().fate()).isEqualTo(Fate.DROPPED);
        assertThat(v.actual().decidedBy()).isEqualTo("PORTCULLIS-SUBPROTECT-V4/deny-smtp");
        assertThat(v.describe())
                .startsWith("TCP 192.0.2.1:25 → 198.51.100.7:")
                .contains("ipv4 toward subscriber at ge-1/0/0.100")
                .endsWith("expected forwarded, got dropped by term PORTCULLIS-SUBPROTECT-V4/deny-smtp");
    }

    @Test
    void wrongProtocolIsCaughtBothWays() {
        FilterIntent m = DefaultPolicyIr.mutateTerms(DefaultPolicyIr.intent(), AddressFamily.IPV4, t -> {
            t.set(1, DefaultPolicyIr.replaceMatch(t.get(1), Match.destinationPorts(Protocol.UDP, SMTP)));
            return t;
        });
        List<Violation> all = Verifier.verify(m, DefaultPolicyIr.promise()).violations();
        assertThat(all).anySatisfy(v -> {
            assertThat(v.packet().protocol()).isEqualTo(Protocol.TCP);
            assertThat(SMTP_PORTS).contains(v.packet().destinationPort());
            assertThat(v.expected()).isEqualTo(Fate.DROPPED);
            assertThat(v.actual().decidedBy()).isEqualTo("PORTCULLIS-SUBPROTECT-V4/accept-rest");
        });
        assertThat(all).anySatisfy(v -> {
            assertThat(v.packet().protocol()).isEqualTo(Protocol.UDP);
            assertThat(v.packet().destinationPort()).isEqualTo(25);
            assertThat(v.expected()).isEqualTo(Fate.FORWARDED);
            assertThat(v.actual().decidedBy()).isEqualTo("PORTCULLIS-SUBPROTECT-V4/deny-smtp");
        });
    }

    @Test
    void missingIpv6FilterIsCaught() {
        FilterIntent base = DefaultPolicyIr.intent();
        FilterIntent m = new FilterIntent(
                base.device(),
                base.platform(),
                base.filters().stream()
                        .filter(f -> f.family() == AddressFamily.IPV4)
                        .toList(),
                base.bindings().stream()
                        .filter(b -> b.family() == AddressFamily.IPV4)
                        .toList());
        Violation v = first(m);
        assertThat(v.packet().family()).isEqualTo(AddressFamily.IPV6);
        assertThat(v.expected()).isEqualTo(Fate.DROPPED);
        assertThat(v.actual().fate()).isEqualTo(Fate.FORWARDED);
        assertThat(v.actual().decidedBy()).isEqualTo("no filter bound");
        assertThat(v.obligation()).startsWith("an ipv6 filter is bound toward subscribers at ge-1/0/0.100");
    }

    @Test
    void boundFilterThatDoesNotExistIsCaught() {
        FilterIntent base = DefaultPolicyIr.intent();
        FilterIntent m = new FilterIntent(
                base.device(),
                base.platform(),
                base.filters().stream()
                        .filter(f -> f.family() == AddressFamily.IPV4)
                        .toList(),
                base.bindings());
        List<Violation> all = Verifier.verify(m, DefaultPolicyIr.promise()).violations();
        assertThat(all).anySatisfy(v -> {
            assertThat(v.actual().decidedBy()).isEqualTo("filter PORTCULLIS-SUBPROTECT-V6 is bound but does not exist");
            assertThat(v.packet().family()).isEqualTo(AddressFamily.IPV6);
            assertThat(v.packet().protocol()).isEqualTo(Protocol.TCP);
            assertThat(v.packet().destinationPort()).isEqualTo(25);
            assertThat(v.obligation()).isEqualTo("the filter bound toward subscribers at ge-1/0/0.100 exists");
        });
    }

    @Test
    void bindingMissingAtOneAttachPointIsCaughtThereOnly() {
        FilterIntent base = DefaultPolicyIr.intent();
        List<Binding> bindings = base.bindings().stream()
                .filter(b -> !(b.point().equals(PROFILE.name()) && b.family() == AddressFamily.IPV4))
                .toList();
        List<Violation> all = Verifier.verify(
                        new FilterIntent(base.device(), base.platform(), base.filters(), bindings),
                        DefaultPolicyIr.promise())
                .violations();
        assertThat(all).isNotEmpty().allSatisfy(v -> {
            assertThat(v.packet().attachPoint()).isEqualTo(PROFILE);
            assertThat(v.packet().family()).isEqualTo(AddressFamily.IPV4);
            assertThat(v.expected()).isEqualTo(Fate.DROPPED);
            assertThat(v.actual().decidedBy()).isEqualTo("no filter bound");
        });
        assertThat(all.get(0).packet().describe()).contains("at PPPOE-SUB");
    }

    @Test
    void exemptionAfterTheDenyStillBlocksTheExemptSubscriber() {
        FilterIntent good = DefaultPolicyIr.intent(true);
        assertThat(Verifier.verify(good, DefaultPolicyIr.promise(true)).violations())
                .isEmpty();
        FilterIntent m = DefaultPolicyIr.mutateTerms(good, AddressFamily.IPV4, t -> {
            Term exempt = t.remove(0);
            t.add(2, exempt); // after deny-smtp, before accept-rest
            return t;
        });
        Violation v = first(m, true);
        assertThat(v.packet().exempt()).isTrue();
        assertThat(DefaultPolicyIr.EXEMPT_V4.contains(
                        AddressFamily.IPV4, v.packet().destinationAddress()))
                .isTrue();
        assertThat(SMTP_PORTS).contains(v.packet().destinationPort());
        assertThat(v.expected()).isEqualTo(Fate.FORWARDED);
        assertThat(v.actual().decidedBy()).isEqualTo("PORTCULLIS-SUBPROTECT-V4/deny-smtp");
        assertThat(v.describe()).contains("(exempt destination)");
    }

    @Test
    void termBlockingTooMuchIsCaught() {
        FilterIntent m = DefaultPolicyIr.mutateTerms(DefaultPolicyIr.intent(), AddressFamily.IPV4, t -> {
            t.add(
                    0,
                    new Term(
                            "deny-low",
                            1,
                            Match.destinationPorts(Protocol.TCP, List.of(new PortRange(0, 1024))),
                            Action.DISCARD,
                            null,
                            false,
                            null));
            return t;
        });
        Violation v = first(m);
        assertThat(v.packet().protocol()).isEqualTo(Protocol.TCP);
        assertThat(v.packet().destinationPort()).isBetween(0, 1024).isNotIn(25, 465, 587);
        assertThat(v.expected()).isEqualTo(Fate.FORWARDED);
        assertThat(v.actual().decidedBy()).isEqualTo("PORTCULLIS-SUBPROTECT-V4/deny-low");
    }

    @Test
    void trafficFromSubscribersMustBeUnaffected() {
        FilterIntent base = DefaultPolicyIr.intent();
        List<Binding> bindings = new ArrayList<>(base.bindings());
        bindings.add(new Binding(
                IFACE.kind(), IFACE.name(), AddressFamily.IPV4, Direction.FROM_SUBSCRIBER, "PORTCULLIS-SUBPROTECT-V4"));
        Violation v = first(new FilterIntent(base.device(), base.platform(), base.filters(), bindings));
        assertThat(v.packet().direction()).isEqualTo(Direction.FROM_SUBSCRIBER);
        assertThat(v.expected()).isEqualTo(Fate.FORWARDED);
        assertThat(v.packet().describe()).contains("from subscriber at ge-1/0/0.100");
    }

    @Test
    void icmpAndOtherProtocolsMustBeForwarded() {
        FilterIntent m = DefaultPolicyIr.mutateTerms(DefaultPolicyIr.intent(), AddressFamily.IPV6, t -> {
            t.add(
                    0,
                    new Term(
                            "deny-gre",
                            1,
                            new Match(Protocol.of(47), List.of(), List.of(), List.of(), List.of(), List.of()),
                            Action.DISCARD,
                            null,
                            false,
                            null));
            return t;
        });
        Violation v = first(m);
        assertThat(v.packet().protocol().number()).isEqualTo(47);
        assertThat(v.packet().destinationPort()).isEqualTo(-1);
        assertThat(v.packet().describe()).startsWith("GRE 2001:db8::1 → 2001:db8:100::7 ipv6");
    }

    @Test
    void rejectCountsAsDroppedAndDefaultAcceptWithoutFinalTermIsFine() {
        FilterIntent m = DefaultPolicyIr.mutateTerms(DefaultPolicyIr.intent(), AddressFamily.IPV4, t -> {
            t.set(0, new Term("deny-snmp", 10, t.get(0).match(), Action.REJECT, null, false, null));
            return t.subList(0, 2);
        });
        List<Filter> filters = m.filters().stream()
                .map(f -> new Filter(f.name(), f.family(), f.terms(), Action.ACCEPT, null))
                .toList();
        assertThat(Verifier.verify(new FilterIntent("d", "ietf", filters, m.bindings()), DefaultPolicyIr.promise())
                        .proven())
                .isTrue();
    }

    private static Violation first(FilterIntent m) {
        return first(m, false);
    }

    private static Violation first(FilterIntent m, boolean exempt) {
        VerificationResult r = Verifier.verify(m, DefaultPolicyIr.promise(exempt));
        assertThat(r).isInstanceOf(Disproof.class);
        assertThat(r.violations()).isNotEmpty();
        Violation v = r.violations().get(0);
        // the counterexample is real: evaluating it again gives the reported verdict
        assertThat(Verifier.evaluate(m, v.packet())).isEqualTo(v.actual());
        assertThat(v.actual().fate()).isNotEqualTo(v.expected());
        return v;
    }
}
