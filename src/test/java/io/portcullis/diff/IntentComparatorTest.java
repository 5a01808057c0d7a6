package io.portcullis.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.engine.fake.TestTargets;
import io.portcullis.intent.Action;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntentComparatorTest {
    private final FilterIntent want = TestTargets.intent("r1", TestTargets.seedTerms());

    @Test
    void identicalIntentIsInSync() {
        assertThat(IntentComparator.compare(want, TestTargets.intent("r1", TestTargets.seedTerms()))
                        .inSync())
                .isTrue();
    }

    @Test
    void emptyRouterMissesFilterAndBinding() {
        IntentDiff d = IntentComparator.compare(want, new FilterIntent("r1", "test", List.of(), List.of()));
        assertThat(d.changes())
                .extracting(Change::kind)
                .containsExactly(ChangeKind.FILTER_MISSING, ChangeKind.BINDING_MISSING);
    }

    @Test
    void changedTermNamesWhatChanged() {
        List<Term> terms = new ArrayList<>(TestTargets.seedTerms());
        terms.set(1, TestTargets.term("block-smtp", 20, Protocol.TCP, List.of(25, 465, 2525), Action.DISCARD));
        IntentDiff d = IntentComparator.compare(want, TestTargets.intent("r1", terms));
        assertThat(d.changes()).hasSize(1);
        assertThat(d.changes().get(0).kind()).isEqualTo(ChangeKind.TERM_CHANGED);
        assertThat(d.changes().get(0).describe()).contains("block-smtp").contains("25,465,2525 → 25,465,587,2525");
    }

    @Test
    void portListOrderDoesNotCountButTermOrderDoes() {
        List<Term> sameSet = new ArrayList<>(TestTargets.seedTerms());
        sameSet.set(1, TestTargets.term("block-smtp", 20, Protocol.TCP, List.of(2525, 587, 465, 25), Action.DISCARD));
        assertThat(IntentComparator.compare(want, TestTargets.intent("r1", sameSet))
                        .inSync())
                .isTrue();

        List<Term> t = TestTargets.seedTerms();
        List<Term> swapped = List.of(t.get(0), t.get(2), t.get(1));
        IntentDiff d = IntentComparator.compare(want, TestTargets.intent("r1", swapped));
        assertThat(d.changes()).extracting(Change::kind).contains(ChangeKind.TERMS_REORDERED);
    }

    @Test
    void extraAndMissingTermsAndFingerprintStable() {
        List<Term> t = new ArrayList<>(TestTargets.seedTerms());
        t.remove(0);
        t.add(0, TestTargets.term("allow-snmp", 5, Protocol.UDP, List.of(161), Action.ACCEPT));
        FilterIntent have = TestTargets.intent("r1", t);
        IntentDiff d = IntentComparator.compare(want, have);
        assertThat(d.changes()).extracting(Change::kind).contains(ChangeKind.TERM_MISSING, ChangeKind.TERM_EXTRA);
        assertThat(d.fingerprint())
                .isEqualTo(IntentComparator.compare(want, have).fingerprint())
                .isNotEqualTo(IntentComparator.compare(want, new FilterIntent("r1", "test", List.of(), List.of()))
                        .fingerprint());
    }

    @Test
    void aDifferentPolicyStampIsNamedAsThePolicyDigestAndReadsBackwardsForDrift() {
        FilterIntent stamped = withDescription(want, "portcullis policy sha256:bbbbbbbb subscriber-protection");
        FilterIntent older = withDescription(want, "portcullis policy sha256:aaaaaaaa subscriber-protection");
        IntentDiff d = IntentComparator.compare(stamped, older);
        assertThat(d.changes()).hasSize(1);
        Change c = d.changes().get(0);
        assertThat(c.kind()).isEqualTo(ChangeKind.FILTER_CHANGED);
        assertThat(c.describe()).endsWith("(policy digest sha256:aaaaaaaa → sha256:bbbbbbbb)");
        assertThat(c.withDetailReversed().describe()).endsWith("(policy digest sha256:bbbbbbbb → sha256:aaaaaaaa)");

        // a description written before stamps existed (first apply after an upgrade rewrites it once)
        FilterIntent unstamped = withDescription(want, "portcullis: subscriber-protection (ipv4, to-subscriber)");
        assertThat(IntentComparator.compare(stamped, unstamped).changes())
                .extracting(Change::detail)
                .containsExactly("policy digest none → sha256:bbbbbbbb");
        // same stamp, other words after it: just "description"
        FilterIntent renamed = withDescription(want, "portcullis policy sha256:bbbbbbbb another-name");
        assertThat(IntentComparator.compare(stamped, renamed).changes())
                .extracting(Change::detail)
                .containsExactly("description");
        assertThat(IntentComparator.compare(
                                stamped,
                                withDescription(want, "portcullis policy sha256:bbbbbbbb subscriber-protection"))
                        .inSync())
                .isTrue();
    }

    private static FilterIntent withDescription(FilterIntent i, String description) {
        return new FilterIntent(
                i.device(),
                i.platform(),
                i.filters().stream()
                        .map(f -> new io.portcullis.intent.Filter(
                                f.name(), f.family(), f.terms(), f.defaultAction(), description))
                        .toList(),
                i.bindings());
    }
}
