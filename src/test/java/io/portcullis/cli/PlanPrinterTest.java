package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.diff.Change;
import io.portcullis.diff.ChangeKind;
import io.portcullis.diff.ChangeSet;
import io.portcullis.diff.IntentDiff;
import io.portcullis.engine.plan.RouterPlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 12 item 2: a plan that fits a merge request — grouped, reverse on request, CI sections, colour only where wanted. */
class PlanPrinterTest {
    private static final String FORWARD = """
            --- running
            +++ after apply
            @@ -0,0 +1,3 @@
            +filter PORTCULLIS-V4 {
            +    term block-smtp { from destination-port [25 465 587 2525]; then discard; }
            +}""";

    private static RouterPlan changed(String name, String platform, String forward) {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            changes.add(new Change(ChangeKind.TERM_MISSING, "PORTCULLIS-V4", "term-" + i, null, "tcp " + (25 + i)));
        }
        return new RouterPlan(
                name,
                platform,
                RouterPlan.Status.CHANGES,
                new ChangeSet(new IntentDiff(changes), forward, forward.replace("+", "-"), List.of()),
                "i",
                "s",
                List.of(),
                null,
                null);
    }

    private static RouterPlan inSync(String name) {
        return new RouterPlan(
                name, "iosxr", RouterPlan.Status.IN_SYNC, ChangeSet.none(), "i", "s", List.of(), null, null);
    }

    private static String print(List<RouterPlan> plans, PlanPrinter.Options o) {
        StringWriter w = new StringWriter();
        PlanPrinter.print(plans, o, new PrintWriter(w, true));
        return w.toString();
    }

    private static PlanPrinter.Options plain() {
        return new PlanPrinter.Options(false, false, false, OutputStyle.PLAIN);
    }

    @Test
    void fiveHundredRoutersWhere480ShareOneChangePrintUnder400Lines() {
        List<RouterPlan> plans = new ArrayList<>();
        for (int i = 1; i <= 480; i++) {
            plans.add(changed(String.format("bng-%03d", i), "junos", FORWARD));
        }
        for (int i = 1; i <= 10; i++) {
            plans.add(changed("odd-" + i, "junos", FORWARD.replace("2525", "2525 " + (3000 + i))));
        }
        for (int i = 1; i <= 10; i++) {
            plans.add(inSync("agg-" + i));
        }
        String text = print(plans, plain());
        long lines = text.lines().count();
        assertThat(lines).as(text).isLessThan(400);
        assertThat(text)
                .contains(
                        "bng-001, bng-002, bng-003, bng-004, bng-005 … +475 more (480 junos routers): the same 6 changes");
        assertThat(text.lines().filter(l -> l.contains("term block-smtp")).count())
                .as("one body per distinct change")
                .isEqualTo(11);
        assertThat(text).contains("in sync: 10 routers (agg-1, agg-2, agg-3, agg-4, agg-5 … +5 more)");
        assertThat(text).doesNotContain("reverse change");
        assertThat(text)
                .contains("junos               490        0            0")
                .contains("total               490       10            0")
                .contains("Plan: 490 to change, 10 in sync, 0 not checked");
        String verbose = print(plans, new PlanPrinter.Options(false, true, false, OutputStyle.PLAIN));
        assertThat(verbose).contains("bng-480").contains("agg-10 (iosxr): in sync");
    }

    @Test
    void routersWhoseNativeDiffHeadersNameThemStillGroup() {
        // the engine's diff (ChangeExplainer) names the router in the header: "--- bng-001 (running)"; the synthetic
        // FORWARD above does not, which hid a 500-router lab plan printing 28,090 lines
        List<RouterPlan> plans = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            String name = String.format("bng-%03d", i);
            plans.add(changed(
                    name,
                    "junos",
                    FORWARD.replace(
                            "--- running\n+++ after apply", "--- " + name + " (running)\n+++ " + name + " (policy)")));
        }
        String text = print(plans, plain());
        assertThat(text)
                .contains("(200 junos routers): the same 6 changes")
                .contains("--- (running)")
                .contains("+++ (policy)")
                .doesNotContain("--- bng-");
        assertThat(text.lines().count()).as(text).isLessThan(40);
        assertThat(PlanPrinter.withoutRouterName("--- r1 (running)\n+++ r1 (policy)\n-term r1 (x)", "r1"))
                .as("only the two header lines lose the name")
                .isEqualTo("--- (running)\n+++ (policy)\n-term r1 (x)");
    }

    @Test
    void theReverseChangeOnlyWhenAskedFor() {
        String shown = print(
                List.of(changed("r1", "junos", FORWARD)),
                new PlanPrinter.Options(false, false, true, OutputStyle.PLAIN));
        assertThat(shown)
                .contains("r1 (junos): 6 changes")
                .contains("reverse change:")
                .contains("-filter PORTCULLIS-V4 {");
    }

    @Test
    void ciSectionsWrapEachGroupForGitLabAndGitHub() {
        List<RouterPlan> plans = List.of(changed("r1", "junos", FORWARD), changed("r2", "junos", FORWARD));
        String gitlab = print(
                plans,
                new PlanPrinter.Options(
                        false, false, false, OutputStyle.detect(false, Map.of("GITLAB_CI", "true"), false)));
        assertThat(gitlab)
                .containsPattern(
                        "\u001b\\[0Ksection_start:\\d+:portcullis_plan_1\\[collapsed=true\\]\r\u001b\\[0Kr1, r2 \\(2 junos")
                .containsPattern("\u001b\\[0Ksection_end:\\d+:portcullis_plan_1\r");
        String github = print(
                plans,
                new PlanPrinter.Options(
                        false, false, false, OutputStyle.detect(false, Map.of("GITHUB_ACTIONS", "true"), false)));
        assertThat(github)
                .contains("::group::r1, r2 (2 junos routers): the same 6 changes")
                .contains("::endgroup::");
        assertThat(print(plans, plain())).doesNotContain("::group::").doesNotContain("section_start");
    }

    @Test
    void colourFollowsTheConventions() {
        assertThat(OutputStyle.detect(false, Map.of(), true).colour())
                .as("a terminal")
                .isTrue();
        assertThat(OutputStyle.detect(false, Map.of(), false).colour())
                .as("a pipe")
                .isFalse();
        assertThat(OutputStyle.detect(true, Map.of(), true).colour())
                .as("--no-color")
                .isFalse();
        assertThat(OutputStyle.detect(false, Map.of("NO_COLOR", "1"), true).colour())
                .as("NO_COLOR")
                .isFalse();
        assertThat(OutputStyle.detect(false, Map.of("CLICOLOR_FORCE", "1"), false)
                        .colour())
                .as("CLICOLOR_FORCE into a pipe")
                .isTrue();
        assertThat(OutputStyle.detect(false, Map.of("CLICOLOR_FORCE", "0"), false)
                        .colour())
                .isFalse();
        assertThat(OutputStyle.detect(false, Map.of("TERM", "dumb"), true).colour())
                .isFalse();
        String coloured = print(
                List.of(changed("r1", "junos", FORWARD)),
                new PlanPrinter.Options(
                        false, false, false, OutputStyle.detect(false, Map.of("CLICOLOR_FORCE", "1"), false)));
        assertThat(coloured)
                .contains("\u001b[32m+filter PORTCULLIS-V4 {\u001b[0m")
                .contains("    +++ after apply\n")
                .contains("\u001b[1mr1 (junos): 6 changes\u001b[0m");
    }

    @Test
    void routersWithDifferentChangesAreNotGrouped() {
        String text = print(
                List.of(
                        changed("r1", "junos", FORWARD),
                        changed("r2", "junos", FORWARD.replace("587", "588")),
                        changed("r3", "iosxr", FORWARD)),
                plain());
        assertThat(text)
                .contains("r1 (junos): 6 changes")
                .contains("r2 (junos): 6 changes")
                .contains("r3 (iosxr): 6 changes")
                .doesNotContain("the same");
    }

    @Test
    void theGitLabWidgetReportCountsRoutersAsCreateUpdateDelete() {
        RouterPlan fresh = new RouterPlan(
                "new",
                "junos",
                RouterPlan.Status.CHANGES,
                new ChangeSet(
                        new IntentDiff(List.of(
                                new Change(ChangeKind.FILTER_MISSING, "PORTCULLIS-V4", null, null, "3 terms"),
                                new Change(ChangeKind.BINDING_MISSING, "PORTCULLIS-V4", null, null, "ge-0/0/0.1"))),
                        "+x",
                        "-x",
                        List.of()),
                "i",
                "s",
                List.of(),
                null,
                null);
        RouterPlan gone = new RouterPlan(
                "gone",
                "junos",
                RouterPlan.Status.CHANGES,
                new ChangeSet(
                        new IntentDiff(
                                List.of(new Change(ChangeKind.FILTER_EXTRA, "PORTCULLIS-OLD", null, null, "1 term"))),
                        "-x",
                        "+x",
                        List.of()),
                "i",
                "s",
                List.of(),
                null,
                null);
        assertThat(GitLabPlanReport.counts(List.of(
                        fresh,
                        changed("r1", "junos", FORWARD),
                        changed("r2", "iosxr", FORWARD),
                        gone,
                        inSync("quiet"))))
                .containsExactly(Map.entry("create", 1), Map.entry("update", 2), Map.entry("delete", 1));
    }
}
