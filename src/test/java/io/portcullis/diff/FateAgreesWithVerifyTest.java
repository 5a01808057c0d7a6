package io.portcullis.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.engine.fake.TestTargets;
import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.Binding;
import io.portcullis.intent.BlockedFlow;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Promise;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import io.portcullis.platform.Chaining;
import io.portcullis.platform.ReadResult;
import io.portcullis.platform.sros.SrosAdapter;
import io.portcullis.platform.sros.SrosChainingTest;
import io.portcullis.testing.DefaultPolicyIntents;
import io.portcullis.verify.ClassShift;
import io.portcullis.verify.Fate;
import io.portcullis.verify.Packet;
import io.portcullis.verify.Verdict;
import io.portcullis.verify.VerificationResult;
import io.portcullis.verify.Verifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plan's packet delta and {@code verify} judge packets by one model (issue 8 item 5). Each case here
 * is one where an earlier delta said something verify did not: the first evaluator stopped at the first
 * filter bound at a point (a second, operator's filter's drops were invisible: "no packet changes fate"
 * while verify reported the packet dropped); its successor asked verify's evaluator but only about
 * hand-picked probe packets from one "ordinary" source, TCP/UDP and the protocols terms name (a drop by
 * source prefix or of ICMP/GRE/any other protocol was invisible). Every line below is also checked packet by
 * packet against {@link Verifier#evaluate}; {@code verify.FateDeltaPropertyTest} does the same on random IR.
 */
class FateAgreesWithVerifyTest {
    private static final String SECOND = "OPERATOR-EXTRA";
    private static final AttachPoint POINT = new AttachPoint(AttachKind.INTERFACE, TestTargets.IFACE);

    private final FilterIntent before = TestTargets.intent("r1", TestTargets.seedTerms());
    private final FilterIntent after = withSecond(
            before,
            AddressFamily.IPV4,
            Direction.TO_SUBSCRIBER,
            false,
            TestTargets.term("drop-web", 10, Protocol.TCP, List.of(80), Action.DISCARD));
    private final VerifierFateOracle oracle = new VerifierFateOracle();

    @Test
    void verifySaysTheSecondBoundFilterDropsTcp80() {
        Packet web = new Packet(
                AddressFamily.IPV4,
                Protocol.TCP,
                40000,
                80,
                IpPrefix.parse("192.0.2.1").first(),
                IpPrefix.parse("198.51.100.7").first(),
                false,
                Direction.TO_SUBSCRIBER,
                POINT);
        assertThat(Verifier.evaluate(before, web).fate()).isEqualTo(Fate.FORWARDED);
        Verdict v = Verifier.evaluate(after, web);
        assertThat(v.fate()).isEqualTo(Fate.DROPPED);
        assertThat(v.decidedBy()).isEqualTo(SECOND + "/drop-web");

        VerificationResult proof = Verifier.verify(after, TestTargets.promise());
        assertThat(proof.proven())
                .as("dropping web traffic is collateral blocking")
                .isFalse();
        assertThat(proof.violations()).anySatisfy(x -> {
            assertThat(x.packet().destinationPort()).isEqualTo(80);
            assertThat(x.actual().decidedBy()).isEqualTo(SECOND + "/drop-web");
        });
    }

    @Test
    void thePlanDeltaSaysTheSame() {
        // the first-binding-only evaluator returned an empty delta here
        assertThat(agreed(before, after, TestTargets.promise()))
                .containsExactly("TCP/80 toward subscribers (ipv4): forwarded → dropped");
        assertThat(agreed(after, before, TestTargets.promise()))
                .containsExactly("TCP/80 toward subscribers (ipv4): dropped → forwarded");
    }

    @Test
    void aMissingSecondFilterForwardsAsVerifyAssumes() {
        // bound but absent: verify treats it as forwarding (and reports it); the delta must not invent a drop
        FilterIntent dangling = new FilterIntent("r1", "test", before.filters(), after.bindings());
        assertThat(agreed(before, dangling, TestTargets.promise())).isEmpty();
    }

    @Test
    void anOperatorFilterBoundFirstThatDropsEverythingFromOneSourcePrefix() {
        // the probing delta only sent packets from an address outside every source prefix, and only TCP/UDP: it saw
        // nothing
        Term fromLab = new Term(
                "drop-lab",
                10,
                new Match(
                        Protocol.ANY,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(IpPrefix.parse("10.0.0.0/8"))),
                Action.DISCARD,
                null,
                false,
                null);
        FilterIntent guarded = withSecond(before, AddressFamily.IPV4, Direction.TO_SUBSCRIBER, true, fromLab);
        List<String> lines = agreed(before, guarded, TestTargets.promise());
        assertThat(lines)
                .contains(
                        "TCP except ports 25, 465, 587, 2525 toward subscribers (ipv4) from 10.0.0.0/8: forwarded → dropped",
                        "UDP except port 161 toward subscribers (ipv4) from 10.0.0.0/8: forwarded → dropped",
                        "ICMP toward subscribers (ipv4) from 10.0.0.0/8: forwarded → dropped",
                        "GRE toward subscribers (ipv4) from 10.0.0.0/8: forwarded → dropped",
                        "any other protocol toward subscribers (ipv4) from 10.0.0.0/8: forwarded → dropped");
        assertThat(lines)
                .allMatch(l -> l.contains(" from 10.0.0.0/8: forwarded → dropped"))
                .noneMatch(l -> l.startsWith("TCP/25 ") || l.startsWith("UDP/161 "));
    }

    @Test
    void ipv6FromSubscriberFiltersChainLikeIpv4ToSubscriber() {
        AttachPoint profile = new AttachPoint(AttachKind.PROFILE, "PPPOE-SUB");
        Filter ours = new Filter(
                "PORTCULLIS-SUB-V6",
                AddressFamily.IPV6,
                List.of(
                        TestTargets.term("block-smtp", 10, Protocol.TCP, List.of(25), Action.DISCARD),
                        new Term("accept-rest", 20, Match.ANY, Action.ACCEPT, null, false, null)),
                Action.DISCARD,
                null);
        FilterIntent v6 = new FilterIntent(
                "r1",
                "test",
                List.of(ours),
                List.of(new Binding(
                        AttachKind.PROFILE, "PPPOE-SUB", AddressFamily.IPV6, Direction.FROM_SUBSCRIBER, ours.name())));
        Promise promise = new Promise(
                List.of(new BlockedFlow(
                        "smtp",
                        Protocol.TCP,
                        List.of(PortRange.single(25)),
                        AddressFamily.IPV6,
                        Direction.FROM_SUBSCRIBER,
                        List.of())),
                List.of(profile),
                List.of(AddressFamily.IPV6));
        Filter dns = new Filter(
                SECOND,
                AddressFamily.IPV6,
                List.of(new Term(
                        "drop-dns",
                        10,
                        Match.destinationPorts(Protocol.UDP, List.of(PortRange.single(53)))
                                .withDestinationPrefixes(List.of(IpPrefix.parse("2001:db8:53::/48"))),
                        Action.DISCARD,
                        null,
                        false,
                        null)),
                Action.ACCEPT,
                null);
        List<Binding> bindings = new ArrayList<>(v6.bindings());
        bindings.add(
                new Binding(AttachKind.PROFILE, "PPPOE-SUB", AddressFamily.IPV6, Direction.FROM_SUBSCRIBER, SECOND));
        FilterIntent withDns = new FilterIntent("r1", "test", List.of(ours, dns), bindings);
        assertThat(agreed(v6, withDns, promise))
                .containsExactly("UDP/53 from subscribers (ipv6) to 2001:db8:53::/48: forwarded → dropped");
        // the same filter bound toward subscribers changes nothing from subscribers, and says where it acts
        List<Binding> other = new ArrayList<>(v6.bindings());
        other.add(new Binding(AttachKind.PROFILE, "PPPOE-SUB", AddressFamily.IPV6, Direction.TO_SUBSCRIBER, SECOND));
        assertThat(agreed(v6, new FilterIntent("r1", "test", List.of(ours, dns), other), promise))
                .containsExactly("UDP/53 toward subscribers (ipv6) to 2001:db8:53::/48: forwarded → dropped");
    }

    @Test
    void srosEmbeddedEntriesBehindAnOperatorAcceptChangeOnlyWhatTheCompositeDecides() {
        SrosAdapter sros = new SrosAdapter();
        Chaining chaining = sros.chaining().orElseThrow();
        ReadResult hostile = sros.read("bng", SrosChainingTest.operatorConfig("""
                <entry><entry-id>5</entry-id><match><protocol>tcp</protocol><dst-port><eq>25</eq></dst-port></match><action><accept/></action></entry>"""));
        FilterIntent chained =
                chaining.chain(sros.normalize(DefaultPolicyIntents.forPlatform("sros", Action.DISCARD)), hostile);
        FilterIntent now = chaining.effective(new FilterIntent("bng", "sros", List.of(), List.of()), hostile);
        FilterIntent then = chaining.effective(chained, hostile);
        List<String> lines = agreed(now, then, SrosChainingTest.promise());
        // the operator's entry 5 accepts TCP/25 before our embedded entries: verify says it stays forwarded, so must
        // the plan
        assertThat(lines)
                .contains(
                        "TCP/587 toward subscribers (ipv4): forwarded → dropped",
                        "TCP/25 toward subscribers (ipv6): forwarded → dropped",
                        "UDP/161 toward subscribers (ipv6): forwarded → dropped")
                .doesNotContain("TCP/25 toward subscribers (ipv4): forwarded → dropped");
    }

    @Test
    void aRangeThatChangesAsAWholeIsOneLineAndAnExemptDestinationIsNamed() {
        List<Term> ranged = new ArrayList<>(TestTargets.seedTerms());
        ranged.add(
                2,
                new Term(
                        "block-x11",
                        25,
                        Match.destinationPorts(Protocol.TCP, List.of(new PortRange(6000, 6999))),
                        Action.DISCARD,
                        null,
                        false,
                        null));
        assertThat(agreed(before, TestTargets.intent("r1", ranged), TestTargets.promise()))
                .containsExactly("TCP/6000-6999 toward subscribers (ipv4): forwarded → dropped");

        List<Term> noSmtp =
                List.of(TestTargets.seedTerms().get(0), TestTargets.seedTerms().get(2));
        List<Term> exempt = new ArrayList<>(TestTargets.seedTerms());
        exempt.add(
                1,
                new Term(
                        "smtp-relay",
                        15,
                        Match.destinationPorts(Protocol.TCP, List.of(PortRange.single(25)))
                                .withDestinationPrefixes(List.of(IpPrefix.parse("192.0.2.0/24"))),
                        Action.ACCEPT,
                        null,
                        false,
                        null));
        assertThat(agreed(TestTargets.intent("r1", noSmtp), TestTargets.intent("r1", exempt), TestTargets.promise()))
                .containsExactly(
                        "TCP/25 toward subscribers (ipv4) except to 192.0.2.0/24: forwarded → dropped",
                        "TCP/465 toward subscribers (ipv4): forwarded → dropped",
                        "TCP/587 toward subscribers (ipv4): forwarded → dropped",
                        "TCP/2525 toward subscribers (ipv4): forwarded → dropped");
    }

    /** The delta's lines, after checking every class behind every line against verify's own decision. */
    private List<String> agreed(FilterIntent was, FilterIntent is, Promise promise) {
        List<FateChange> delta = oracle.delta(was, is, promise);
        for (FateChange fc : delta) {
            assertThat(fc.classes()).isNotEmpty();
            for (ClassShift c : fc.classes()) {
                for (Packet w : c.witnesses()) {
                    assertThat(Verifier.evaluate(was, w).fate())
                            .as("%s: %s", fc.describe(), w.describe())
                            .isEqualTo(fc.forwardedBefore() ? Fate.FORWARDED : Fate.DROPPED);
                    assertThat(Verifier.evaluate(is, w).fate())
                            .as("%s: %s", fc.describe(), w.describe())
                            .isEqualTo(fc.forwardedAfter() ? Fate.FORWARDED : Fate.DROPPED);
                }
            }
        }
        return delta.stream().map(FateChange::describe).toList();
    }

    private static FilterIntent withSecond(
            FilterIntent intent, AddressFamily family, Direction direction, boolean first, Term drop) {
        Filter second = new Filter(
                SECOND,
                family,
                List.of(drop, new Term("rest", 20, Match.ANY, Action.ACCEPT, null, false, null)),
                Action.ACCEPT,
                null);
        List<Filter> filters = new ArrayList<>(intent.filters());
        filters.add(second);
        List<Binding> bindings = new ArrayList<>(intent.bindings());
        bindings.add(
                first ? 0 : bindings.size(),
                new Binding(AttachKind.INTERFACE, TestTargets.IFACE, family, direction, SECOND));
        return new FilterIntent(intent.device(), intent.platform(), filters, bindings);
    }
}
