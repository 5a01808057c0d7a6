package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.diff.Change;
import io.portcullis.diff.ChangeKind;
import io.portcullis.diff.ChangeSet;
import io.portcullis.diff.FateChange;
import io.portcullis.diff.IntentDiff;
import io.portcullis.engine.plan.RouterPlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 13 section 5 findings on the command line: careless input that used to do the wrong thing quietly. */
class CliHardeningTest {

    @ParameterizedTest(name = "--limit ''{0}''")
    @ValueSource(strings = {"", " ", ",", " , ", ",,"})
    void anEmptyOrBlankLimitIsAUsageErrorNotTheWholeFleet(String limit) {
        CliRun r = CliRun.run("validate", "--policy", "policy", "--inventory", "inventory", "--limit", limit);
        assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--limit").contains("empty");
        assertThat(r.out()).doesNotContain("valid");
    }

    @ParameterizedTest(name = "--{0} ''")
    @ValueSource(strings = {"policy", "inventory"})
    void anEmptyPolicyOrInventoryPathIsAUsageError(String option) {
        CliRun r = CliRun.run("validate", "--" + option, "");
        assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--" + option).contains("empty");
        assertThat(r.all()).doesNotContain("pom.xml");
    }

    @Test
    void recoverWithAMisspeltJournalDirectoryFailsNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("jounral");
        CliRun r = CliRun.run(
                "recover", "--policy", "policy", "--inventory", "inventory", "--journal", missing.toString());
        assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err()).contains(missing.toString()).contains("does not exist");
    }

    private static String printDrift(Change c, List<FateChange> fates) {
        RouterPlan p = new RouterPlan(
                "r1",
                "junos",
                RouterPlan.Status.CHANGES,
                new ChangeSet(new IntentDiff(List.of(c)), "", "", fates),
                "i",
                "s",
                List.of(),
                null,
                null);
        StringWriter w = new StringWriter();
        PlanPrinter.print(List.of(p), true, false, new PrintWriter(w, true));
        return w.toString();
    }

    @Test
    void driftSaysAFilterMissingFromTheRouterIsMissingOnTheRouter() {
        // "missing" = the policy wants it and the router lacks it (ChangeKind)
        String text =
                printDrift(new Change(ChangeKind.FILTER_MISSING, "PORTCULLIS-V4", null, null, "3 terms"), List.of());
        assertThat(text).contains("filter missing on router: PORTCULLIS-V4").doesNotContain("extra");
        String extra =
                printDrift(new Change(ChangeKind.TERM_EXTRA, "PORTCULLIS-V4", "allow-x", null, "tcp 8080"), List.of());
        assertThat(extra)
                .contains("term extra on router: PORTCULLIS-V4/allow-x")
                .doesNotContain("missing");
    }

    @Test
    void driftTermChangedReadsInTheSameDirectionAsItsPacketImpactHeading() {
        // the comparator writes details router → policy; the router has 2525 added (it forwards it)
        Change c = new Change(
                ChangeKind.TERM_CHANGED,
                "PORTCULLIS-V4",
                "block-smtp",
                null,
                "destination ports 25,465,587,2525 → 25,465,587; counter null → smtp");
        String text = printDrift(c, List.of(new FateChange("TCP/2525 toward subscribers (ipv4)", "", true, false)));
        assertThat(text)
                .contains("packet impact (policy → router now):")
                .contains("TCP/2525 toward subscribers (ipv4): dropped → forwarded")
                .contains(
                        "term changed: PORTCULLIS-V4/block-smtp (destination ports 25,465,587 → 25,465,587,2525; counter smtp → null)");
    }

    /** Issue 13 item 5: what plan and drift quote from the router (term names, details) cannot forge a line of output. */
    @Test
    void routerHeldNamesAndDetailsCannotForgeLinesInPlanOrDrift() {
        Change c = new Change(
                ChangeKind.TERM_EXTRA,
                "PORTCULLIS-V4",
                "x\nDrift: 0 drifted, 6 in sync.",
                null,
                "description \"a\rlab-other-999 (junos): in sync\u001b[2K\"");
        for (boolean drift : new boolean[] {true, false}) {
            RouterPlan p = new RouterPlan(
                    "r1",
                    "junos",
                    RouterPlan.Status.CHANGES,
                    new ChangeSet(
                            new IntentDiff(List.of(c)), "term x\nPlan: 0 to change", "term x\u001b[31m", List.of()),
                    "i",
                    "s",
                    List.of(),
                    null,
                    null);
            StringWriter w = new StringWriter();
            PlanPrinter.print(List.of(p), drift, false, new PrintWriter(w, true));
            String text = w.toString();
            assertThat(text.lines())
                    .as(text)
                    .noneMatch(l -> l.startsWith("Drift: 0")
                            || l.startsWith("Plan: 0")
                            || l.contains("lab-other-999 (junos): in sync") && !l.contains("\\r"));
            assertThat(text).doesNotContain("\r").doesNotContain("\u001b").contains("x\\nDrift: 0 drifted");
        }
    }

    @Test
    void reversingAChangeReversesItsDetailToo() {
        Change c = new Change(ChangeKind.TERM_CHANGED, "F", "t", null, "action accept → discard; description");
        assertThat(c.reversed().detail()).isEqualTo("action discard → accept; description");
        assertThat(c.reversed().reversed()).isEqualTo(c);
        Change m = new Change(ChangeKind.FILTER_MISSING, "F", null, null, "3 terms");
        assertThat(m.reversed()).isEqualTo(new Change(ChangeKind.FILTER_EXTRA, "F", null, null, "3 terms"));
    }
}
