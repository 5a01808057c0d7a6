package io.portcullis.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.engine.fake.TestTargets;
import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import io.portcullis.verify.Fate;
import io.portcullis.verify.Packet;
import io.portcullis.verify.Verdict;
import io.portcullis.verify.VerificationResult;
import io.portcullis.verify.Verifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plan's packet delta and {@code verify} judge packets by one model. Until the delta was built on
 * the verifier, the delta's own evaluator stopped at the first filter bound at a point: a second
 * filter bound after ours that drops web traffic changed nothing in the plan ("no packet changes
 * fate") while verify reported the same packet dropped. Both now say "dropped".
 */
class FateAgreesWithVerifyTest {
    private static final String SECOND = "OPERATOR-EXTRA";
    private static final AttachPoint POINT = new AttachPoint(AttachKind.INTERFACE, TestTargets.IFACE);

    private final FilterIntent before = TestTargets.intent("r1", TestTargets.seedTerms());
    private final FilterIntent after = withSecondFilterDroppingWeb(before);

    @Test
    void verifySaysTheSecondBoundFilterDropsTcp80() {
        Packet web = new Packet(AddressFamily.IPV4, Protocol.TCP, 40000, 80, IpPrefix.parse("192.0.2.1").first(),
                IpPrefix.parse("198.51.100.7").first(), false, Direction.TO_SUBSCRIBER, POINT);
        assertThat(Verifier.evaluate(before, web).fate()).isEqualTo(Fate.FORWARDED);
        Verdict v = Verifier.evaluate(after, web);
        assertThat(v.fate()).isEqualTo(Fate.DROPPED);
        assertThat(v.decidedBy()).isEqualTo(SECOND + "/drop-web");

        VerificationResult proof = Verifier.verify(after, TestTargets.promise());
        assertThat(proof.proven()).as("dropping web traffic is collateral blocking").isFalse();
        assertThat(proof.violations()).anySatisfy(x -> {
            assertThat(x.packet().destinationPort()).isEqualTo(80);
            assertThat(x.actual().decidedBy()).isEqualTo(SECOND + "/drop-web");
        });
    }

    @Test
    void thePlanDeltaSaysTheSame() {
        List<FateChange> delta = new ProbeFateOracle().delta(before, after, TestTargets.promise());
        // the first-binding-only evaluator returned an empty delta here
        assertThat(delta).extracting(FateChange::describe)
                .containsExactly("TCP/80 toward subscribers (ipv4): forwarded → dropped");
        assertThat(new ProbeFateOracle().delta(after, before, TestTargets.promise())).extracting(FateChange::describe)
                .containsExactly("TCP/80 toward subscribers (ipv4): dropped → forwarded");
    }

    @Test
    void aMissingSecondFilterForwardsAsVerifyAssumes() {
        // bound but absent: verify treats it as forwarding (and reports it); the delta must not invent a drop
        FilterIntent dangling = new FilterIntent("r1", "test", before.filters(), after.bindings());
        assertThat(new ProbeFateOracle().delta(before, dangling, TestTargets.promise())).isEmpty();
    }

    private static FilterIntent withSecondFilterDroppingWeb(FilterIntent intent) {
        Filter second = new Filter(SECOND, AddressFamily.IPV4, List.of(
                TestTargets.term("drop-web", 10, Protocol.TCP, List.of(80), Action.DISCARD),
                new Term("rest", 20, Match.ANY, Action.ACCEPT, null, false, null)), Action.ACCEPT, null);
        List<Filter> filters = new ArrayList<>(intent.filters());
        filters.add(second);
        List<Binding> bindings = new ArrayList<>(intent.bindings());
        bindings.add(new Binding(AttachKind.INTERFACE, TestTargets.IFACE, AddressFamily.IPV4, Direction.TO_SUBSCRIBER, SECOND));
        return new FilterIntent(intent.device(), intent.platform(), filters, bindings);
    }
}
