package io.portcullis.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.engine.fake.TestPlatform;
import io.portcullis.engine.fake.TestTargets;
import io.portcullis.intent.Action;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainTest {
    private final FilterIntent want = TestTargets.intent("r1", TestTargets.seedTerms());

    @Test
    void unifiedDiffShowsOnlyChangedLinesWithContext() {
        String d = UnifiedDiff.diff("a\nb\nc\nd\n", "a\nb\nX\nd\n", "old", "new");
        assertThat(d)
                .startsWith("--- old\n+++ new\n@@ -1,4 +1,4 @@\n")
                .contains("-c\n+X\n")
                .contains(" a\n");
        assertThat(UnifiedDiff.diff("same\n", "same\n", "a", "b")).isEmpty();
    }

    @Test
    void removedPortShowsAsForwardedToDroppedForThatPortOnly() {
        List<Term> t = new ArrayList<>(TestTargets.seedTerms());
        t.set(1, TestTargets.term("block-smtp", 20, Protocol.TCP, List.of(25, 465, 2525), Action.DISCARD));
        ChangeSet cs = new ChangeExplainer()
                .explain(new TestPlatform(false), want, TestTargets.intent("r1", t), TestTargets.promise());
        assertThat(cs.fates())
                .extracting(FateChange::describe)
                .containsExactly("TCP/587 toward subscribers (ipv4): forwarded → dropped");
        assertThat(cs.reverseFates())
                .extracting(FateChange::describe)
                .containsExactly("TCP/587 toward subscribers (ipv4): dropped → forwarded");
        assertThat(cs.forwardText()).contains("+  term block-smtp").contains("-  term block-smtp");
        assertThat(cs.reverseText()).contains("--- r1 (policy)");
    }

    @Test
    void missingFilterDropsEveryBlockedService() {
        ChangeSet cs = new ChangeExplainer()
                .explain(
                        new TestPlatform(false),
                        want,
                        new FilterIntent("r1", "test", List.of(), List.of()),
                        TestTargets.promise());
        assertThat(cs.fates())
                .extracting(FateChange::describe)
                .contains(
                        "UDP/161 toward subscribers (ipv4): forwarded → dropped",
                        "TCP/25 toward subscribers (ipv4): forwarded → dropped",
                        "TCP/2525 toward subscribers (ipv4): forwarded → dropped");
        assertThat(cs.fates())
                .extracting(FateChange::packet)
                .doesNotContain("TCP/80 toward subscribers (ipv4)", "TCP/26 toward subscribers (ipv4)");
    }
}
