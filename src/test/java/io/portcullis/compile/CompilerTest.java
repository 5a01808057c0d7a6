package io.portcullis.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.Binding;
import io.portcullis.intent.BlockedFlow;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.FilterNames;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Ownership;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Promise;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import io.portcullis.inventory.Credentials;
import io.portcullis.inventory.Device;
import io.portcullis.inventory.HostKeyChecking;
import io.portcullis.policy.BlockedService;
import io.portcullis.policy.Exemption;
import io.portcullis.policy.Policy;
import io.portcullis.policy.Scope;
import io.portcullis.policy.TermOptions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompilerTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final List<AddressFamily> BOTH = List.of(AddressFamily.IPV4, AddressFamily.IPV6);

    static BlockedService snmp() {
        return new BlockedService(
                "snmp",
                Protocol.UDP,
                List.of(PortRange.single(161)),
                Direction.TO_SUBSCRIBER,
                BOTH,
                new TermOptions(true, false, "SNMP toward subscribers", "noc"));
    }

    static BlockedService smtp() {
        return new BlockedService(
                "smtp",
                Protocol.TCP,
                List.of(PortRange.single(25), PortRange.single(465), PortRange.single(587), PortRange.single(2525)),
                Direction.TO_SUBSCRIBER,
                BOTH,
                TermOptions.DEFAULT);
    }

    static Policy defaultPolicy() {
        return new Policy("subscriber-protection", null, List.of(snmp(), smtp()), List.of(), Scope.ALL);
    }

    static Device device(String name, String platform, List<String> groups) {
        return new Device(
                name,
                "192.0.2.1",
                830,
                platform,
                groups,
                List.of("ge-1/0/0.100"),
                List.of("PPPOE-SUB"),
                new Credentials("netconf", null, null, null),
                null,
                HostKeyChecking.STRICT,
                false,
                List.of(),
                Map.of());
    }

    @Test
    void defaultPolicyGivesTwoFiltersWithDenyTermsInOrderAndAFinalAccept() {
        CompiledRouter c = Compiler.compile(defaultPolicy(), device("bng1", "junos", List.of()), Action.DISCARD, TODAY);
        FilterIntent ir = c.intent();
        assertThat(c.inScope()).isTrue();
        assertThat(ir.filters())
                .extracting(Filter::name)
                .containsExactly("PORTCULLIS-SUBPROTECT-V4", "PORTCULLIS-SUBPROTECT-V6");
        for (Filter f : ir.filters()) {
            assertThat(f.name()).startsWith(Ownership.PREFIX);
            assertThat(f.defaultAction()).isEqualTo(Action.DISCARD);
            assertThat(f.terms()).extracting(Term::name).containsExactly("deny-snmp", "deny-smtp", "accept-rest");
            assertThat(f.terms()).extracting(Term::sequence).containsExactly(10, 20, 65000);
            Term snmp = f.terms().get(0);
            assertThat(snmp.match().protocol()).isEqualTo(Protocol.UDP);
            assertThat(snmp.match().destinationPorts()).containsExactly(PortRange.single(161));
            assertThat(snmp.match().sourcePorts()).isEmpty();
            assertThat(snmp.match().eitherPorts()).isEmpty();
            assertThat(snmp.match().destinationPrefixes()).isEmpty();
            assertThat(snmp.action()).isEqualTo(Action.DISCARD);
            String v = f.family() == AddressFamily.IPV4 ? "v4" : "v6";
            assertThat(snmp.counter()).isEqualTo("portcullis-snmp-" + v);
            assertThat(snmp.description()).isEqualTo("portcullis: SNMP toward subscribers (owner noc)");
            Term smtp = f.terms().get(1);
            assertThat(smtp.match().protocol()).isEqualTo(Protocol.TCP);
            assertThat(smtp.match().destinationPorts())
                    .extracting(PortRange::from)
                    .containsExactly(25, 465, 587, 2525);
            assertThat(smtp.counter()).isEqualTo("portcullis-smtp-" + v);
            assertThat(f.terms().get(2).isFinalAcceptAll()).isTrue();
        }
        assertThat(ir.filters().get(0).family()).isEqualTo(AddressFamily.IPV4);
        assertThat(ir.filters().get(1).family()).isEqualTo(AddressFamily.IPV6);
    }

    @Test
    void bindsEveryAttachPointForEveryFamilyTowardSubscribers() {
        CompiledRouter c = Compiler.compile(defaultPolicy(), device("bng1", "iosxr", List.of()), Action.DISCARD, TODAY);
        assertThat(c.intent().bindings())
                .containsExactlyInAnyOrder(
                        new Binding(
                                AttachKind.INTERFACE,
                                "ge-1/0/0.100",
                                AddressFamily.IPV4,
                                Direction.TO_SUBSCRIBER,
                                "PORTCULLIS-SUBPROTECT-V4"),
                        new Binding(
                                AttachKind.INTERFACE,
                                "ge-1/0/0.100",
                                AddressFamily.IPV6,
                                Direction.TO_SUBSCRIBER,
                                "PORTCULLIS-SUBPROTECT-V6"),
                        new Binding(
                                AttachKind.PROFILE,
                                "PPPOE-SUB",
                                AddressFamily.IPV4,
                                Direction.TO_SUBSCRIBER,
                                "PORTCULLIS-SUBPROTECT-V4"),
                        new Binding(
                                AttachKind.PROFILE,
                                "PPPOE-SUB",
                                AddressFamily.IPV6,
                                Direction.TO_SUBSCRIBER,
                                "PORTCULLIS-SUBPROTECT-V6"));
        assertThat(c.intent().device()).isEqualTo("bng1");
        assertThat(c.intent().platform()).isEqualTo("iosxr");
    }

    @Test
    void promiseListsEveryServiceAndFamily() {
        Promise p = Compiler.compile(defaultPolicy(), device("bng1", "sros", List.of()), Action.ACCEPT, TODAY)
                .promise();
        assertThat(p.blocked()).hasSize(4);
        assertThat(p.blocked())
                .extracting(BlockedFlow::service, BlockedFlow::family)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("snmp", AddressFamily.IPV4),
                                org.assertj.core.groups.Tuple.tuple("snmp", AddressFamily.IPV6),
                        org.assertj.core.groups.Tuple.tuple("smtp", AddressFamily.IPV4),
                                org.assertj.core.groups.Tuple.tuple("smtp", AddressFamily.IPV6));
        assertThat(p.blocked())
                .allSatisfy(b -> assertThat(b.exemptDestinations()).isEmpty());
        assertThat(p.families()).containsExactly(AddressFamily.IPV4, AddressFamily.IPV6);
        assertThat(p.attachPoints())
                .containsExactly(
                        new AttachPoint(AttachKind.INTERFACE, "ge-1/0/0.100"),
                        new AttachPoint(AttachKind.PROFILE, "PPPOE-SUB"));
    }

    @Test
    void filterDefaultFollowsThePlatform() {
        CompiledRouter c =
                Compiler.compile(defaultPolicy(), device("oc", "openconfig", List.of()), Action.ACCEPT, TODAY);
        assertThat(c.intent().filters())
                .allSatisfy(f -> assertThat(f.defaultAction()).isEqualTo(Action.ACCEPT));
    }

    @Test
    void exemptionsComeBeforeTheirDenyTermAndExpiredOnesAreLeftOut() {
        Exemption lab = new Exemption(
                "lab-mail",
                "smtp",
                List.of(IpPrefix.parse("198.51.100.0/24"), IpPrefix.parse("2001:db8:1::/48")),
                LocalDate.of(2027, 1, 1),
                "lab mail relay");
        Exemption old = new Exemption(
                "old", "smtp", List.of(IpPrefix.parse("203.0.113.0/24")), LocalDate.of(2026, 11, 27), "gone");
        Exemption lastDay = new Exemption(
                "last-day", "snmp", List.of(IpPrefix.parse("192.0.2.0/28")), TODAY, "today is still valid");
        Policy p = new Policy("p", null, List.of(snmp(), smtp()), List.of(lab, old, lastDay), Scope.ALL);
        CompiledRouter c = Compiler.compile(p, device("bng1", "junos", List.of()), Action.DISCARD, TODAY);
        Filter v4 = c.intent().filter(FilterNames.FILTER_V4).orElseThrow();
        assertThat(v4.terms())
                .extracting(Term::name)
                .containsExactly("exempt-last-day", "deny-snmp", "exempt-lab-mail", "deny-smtp", "accept-rest");
        assertThat(v4.terms()).extracting(Term::sequence).containsExactly(10, 20, 30, 40, 65000);
        Term exempt = v4.terms().get(2);
        assertThat(exempt.action()).isEqualTo(Action.ACCEPT);
        assertThat(exempt.match().protocol()).isEqualTo(Protocol.TCP);
        assertThat(exempt.match().destinationPorts()).hasSize(4);
        assertThat(exempt.match().destinationPrefixes()).containsExactly(IpPrefix.parse("198.51.100.0/24"));
        Filter v6 = c.intent().filter(FilterNames.FILTER_V6).orElseThrow();
        assertThat(v6.terms())
                .extracting(Term::name)
                .containsExactly("deny-snmp", "exempt-lab-mail", "deny-smtp", "accept-rest");
        assertThat(v6.terms().get(1).match().destinationPrefixes()).containsExactly(IpPrefix.parse("2001:db8:1::/48"));
        BlockedFlow smtpV4 = c.promise().blocked().stream()
                .filter(b -> b.service().equals("smtp") && b.family() == AddressFamily.IPV4)
                .findFirst()
                .orElseThrow();
        assertThat(smtpV4.exemptDestinations()).containsExactly(IpPrefix.parse("198.51.100.0/24"));
    }

    @Test
    void devicesOutOfScopeGetNothing() {
        Policy p = new Policy("p", null, List.of(snmp()), List.of(), new Scope(List.of("bng"), List.of("junos")));
        assertThat(Compiler.compile(p, device("a", "junos", List.of("bng")), Action.DISCARD, TODAY)
                        .inScope())
                .isTrue();
        CompiledRouter wrongGroup = Compiler.compile(p, device("b", "junos", List.of("core")), Action.DISCARD, TODAY);
        CompiledRouter wrongPlatform = Compiler.compile(p, device("c", "iosxr", List.of("bng")), Action.DISCARD, TODAY);
        for (CompiledRouter c : List.of(wrongGroup, wrongPlatform)) {
            assertThat(c.inScope()).isFalse();
            assertThat(c.intent().filters()).isEmpty();
            assertThat(c.intent().bindings()).isEmpty();
            assertThat(c.promise().blocked()).isEmpty();
        }
    }

    @Test
    void fromSubscriberServicesGetTheirOwnIngressFilters() {
        BlockedService spoof = new BlockedService(
                "smb",
                Protocol.TCP,
                List.of(PortRange.single(445)),
                Direction.FROM_SUBSCRIBER,
                List.of(AddressFamily.IPV4),
                new TermOptions(false, true, null, null));
        Policy p = new Policy("p", null, List.of(snmp(), spoof), List.of(), Scope.ALL);
        FilterIntent ir = Compiler.compile(p, device("a", "junos", List.of()), Action.DISCARD, TODAY)
                .intent();
        assertThat(ir.filters())
                .extracting(Filter::name)
                .containsExactly(FilterNames.FILTER_V4, FilterNames.FILTER_V6, FilterNames.FILTER_IN_V4);
        Filter in = ir.filter(FilterNames.FILTER_IN_V4).orElseThrow();
        assertThat(in.terms()).extracting(Term::name).containsExactly("deny-smb", "accept-rest");
        assertThat(in.terms().get(0).counter()).isNull();
        assertThat(in.terms().get(0).log()).isTrue();
        assertThat(ir.bindings())
                .filteredOn(b -> b.direction() == Direction.FROM_SUBSCRIBER)
                .hasSize(2)
                .allSatisfy(b -> {
                    assertThat(b.filterName()).isEqualTo(FilterNames.FILTER_IN_V4);
                    assertThat(b.family()).isEqualTo(AddressFamily.IPV4);
                });
        assertThat(ir.filter(FilterNames.FILTER_V4).orElseThrow().terms())
                .extracting(Term::name)
                .containsExactly("deny-snmp", "accept-rest");
    }

    @Test
    void sharedFiltersNeverLeakBetweenPoliciesDefaultsOrDates() {
        Device d = device("a", "junos", List.of());
        Exemption e = new Exemption("x", "snmp", List.of(IpPrefix.parse("192.0.2.0/24")), TODAY, "r");
        Policy withExemption = new Policy("p", null, List.of(snmp()), List.of(e), Scope.ALL);
        Policy plain = defaultPolicy();
        for (int i = 0; i < 2; i++) {
            assertThat(Compiler.compile(withExemption, d, Action.DISCARD, TODAY)
                            .intent()
                            .filters()
                            .get(0)
                            .terms())
                    .extracting(Term::name)
                    .containsExactly("exempt-x", "deny-snmp", "accept-rest");
            assertThat(Compiler.compile(withExemption, d, Action.DISCARD, TODAY.plusDays(1))
                            .intent()
                            .filters()
                            .get(0)
                            .terms())
                    .extracting(Term::name)
                    .containsExactly("deny-snmp", "accept-rest");
            assertThat(Compiler.compile(plain, d, Action.ACCEPT, TODAY).intent().filters())
                    .allSatisfy(f -> assertThat(f.defaultAction()).isEqualTo(Action.ACCEPT))
                    .hasSize(2);
            assertThat(Compiler.compile(plain, d, Action.DISCARD, TODAY)
                            .intent()
                            .filters())
                    .allSatisfy(f -> assertThat(f.defaultAction()).isEqualTo(Action.DISCARD));
        }
    }
}
