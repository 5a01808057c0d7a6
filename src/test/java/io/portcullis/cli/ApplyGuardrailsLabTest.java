package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.engine.Workspace;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.targets.Target;
import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 4 on a real lab fleet through the real command line: nobody pushes to a fleet unseen (no terminal and
 * neither --plan nor --auto-approve → refused, nothing touched; on a terminal the plan is shown and only "yes" goes
 * on), and a command-line --confirm-timeout wins over the inventory's confirm-timeout while the built-in default
 * yields to it — observed as the confirm-timeout the router itself received.
 */
@Tag("lab")
class ApplyGuardrailsLabTest {
    private static final String PASSWORD = "Guardrails-Lab-Sentinel-52";

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void applyNeedsAReviewedPlanOrApprovalAndFlagsBeatTheInventory(@TempDir Path dir) throws Exception {
        try (LabFleet fleet = LabFleet.builder().devices(2).password(PASSWORD).start()) {
            Path inv = dir.resolve("inventory");
            fleet.writeInventory(inv, "PORTCULLIS_LAB_PASSWORD");
            Files.writeString(inv.resolve("lab-password"), PASSWORD);
            Path groups = inv.resolve("groups.yaml");
            Files.writeString(
                    groups,
                    Files.readString(groups)
                            .replace("password-env: PORTCULLIS_LAB_PASSWORD", "password-file: lab-password"));
            // 90, not the built-in 120, so that "the inventory beats the default" is observable
            Path defaults = inv.resolve("defaults.yaml");
            Files.writeString(
                    defaults, Files.readString(defaults).replace("confirm-timeout: 120", "confirm-timeout: 90"));
            SimDevice first = fleet.devices().get(0);
            SimDevice second = fleet.devices().get(1);

            // no terminal (this test's stdin), no --plan, no --auto-approve: refused before any router is touched
            CliRun refused = CliRun.run("apply", "--inventory", inv.toString());
            assertThat(refused.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(refused.err())
                    .contains("nobody can approve the change")
                    .contains("--plan FILE")
                    .contains("--auto-approve");
            assertThat(first.lastConfirmTimeoutSeconds())
                    .as("no commit reached the router")
                    .isZero();
            assertThat(CliRun.run("plan", "--inventory", inv.toString()).exit())
                    .as("still changes to make")
                    .isEqualTo(ExitCodes.CHANGES);

            // on a terminal: the plan is shown; anything but "yes" cancels
            Workspace w = Workspace.open(Path.of("policy"), inv, first.name(), new PrintWriter(new StringWriter()))
                    .orElseThrow();
            List<Target> targets = EngineCommands.targets(w, new PrintWriter(new StringWriter()));
            StringWriter shown = new StringWriter();
            ApplyApproval.Decision no = ApplyApproval.decide(
                    false,
                    true,
                    targets,
                    Path.of("policy"),
                    false,
                    new BufferedReader(new StringReader("y\n")),
                    new PrintWriter(shown, true),
                    new PrintWriter(new StringWriter()));
            assertThat(no.proceed()).isFalse();
            assertThat(shown.toString())
                    .contains(first.name())
                    .contains("Only 'yes' is accepted")
                    .contains("Apply cancelled; nothing was changed.");
            StringWriter shownAgain = new StringWriter();
            ApplyApproval.Decision yes = ApplyApproval.decide(
                    false,
                    true,
                    targets,
                    Path.of("policy"),
                    false,
                    new BufferedReader(new StringReader("yes\n")),
                    new PrintWriter(shownAgain, true),
                    new PrintWriter(new StringWriter()));
            assertThat(yes.proceed()).isTrue();
            assertThat(yes.plan().routers()).singleElement().satisfies(e -> {
                assertThat(e.router()).isEqualTo(first.name());
                assertThat(e.state()).isEqualTo(RouterPlan.Status.CHANGES);
            });

            // precedence: the flag beats the inventory (lab-demo's 60 s used to become 120) ...
            CliRun flag = CliRun.run(
                    "apply",
                    "--auto-approve",
                    "--inventory",
                    inv.toString(),
                    "--limit",
                    first.name(),
                    "--confirm-timeout",
                    "45");
            assertThat(flag.exit()).as(flag.all()).isEqualTo(ExitCodes.OK);
            assertThat(first.lastConfirmTimeoutSeconds())
                    .as("--confirm-timeout 45 over the inventory's 90")
                    .isEqualTo(45);
            // ... and the inventory beats the built-in default when no flag is given
            CliRun inventory =
                    CliRun.run("apply", "--auto-approve", "--inventory", inv.toString(), "--limit", second.name());
            assertThat(inventory.exit()).as(inventory.all()).isEqualTo(ExitCodes.OK);
            assertThat(second.lastConfirmTimeoutSeconds())
                    .as("the inventory's 90 over the built-in 120")
                    .isEqualTo(90);
        }
    }
}
