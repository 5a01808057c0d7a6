package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 5 findings through the real command line on lab routers: a router cannot forge lines in the CI log;
 * an unwritable report path is refused before any router is touched; a plan for other routers or a damaged plan is an
 * error, never "nothing applied, exit 0".
 */
@Tag("lab")
class CliFindingsLabTest {
    private static final String PASSWORD = "Findings-Lab-Sentinel-61";

    private static Path inventory(LabFleet fleet, Path dir) throws Exception {
        Path inv = dir.resolve("inventory");
        fleet.writeInventory(inv, "PORTCULLIS_LAB_PASSWORD");
        Files.writeString(inv.resolve("lab-password"), PASSWORD);
        Path groups = inv.resolve("groups.yaml");
        Files.writeString(
                groups,
                Files.readString(groups)
                        .replace("password-env: PORTCULLIS_LAB_PASSWORD", "password-file: lab-password"));
        return inv;
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void hostileRouterTextUnwritableReportsAndForeignPlans(@TempDir Path dir) throws Exception {
        try (LabFleet fleet = LabFleet.builder().devices(2).password(PASSWORD).start()) {
            Path inv = inventory(fleet, dir);
            SimDevice a = fleet.devices().get(0);
            SimDevice b = fleet.devices().get(1);

            // an unwritable --report is refused before any router is touched
            CliRun unwritable = CliRun.run(
                    "apply", "--auto-approve", "--inventory", inv.toString(), "--report", "/proc/nope/report.json");
            assertThat(unwritable.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(unwritable.err()).contains("/proc/nope/report.json").contains("nothing was done");
            assertThat(a.lastConfirmTimeoutSeconds())
                    .as("no router was committed to")
                    .isZero();
            assertThat(b.lastConfirmTimeoutSeconds()).isZero();

            // a router's error text with newlines and a carriage return stays one escaped line (XML 1.0 admits no other
            // control character: an ESC in a reply is refused as malformed XML before it gets this far)
            a.faults().failCommit("commit failed\nlab-other-999 (junos): APPLIED\r\nApply: 6 applied.");
            CliRun hostile = CliRun.run("apply", "--auto-approve", "--inventory", inv.toString(), "--limit", a.name());
            assertThat(hostile.exit()).isEqualTo(ExitCodes.ERROR);
            assertThat(hostile.out().lines())
                    .noneMatch(l -> l.startsWith("lab-other-999"))
                    .noneMatch(l -> l.startsWith("Apply: 6 applied"));
            assertThat(hostile.out())
                    .contains("commit failed\\nlab-other-999 (junos): APPLIED\\r\\nApply: 6 applied.")
                    .doesNotContain("\r");
            a.faults().clear();

            // a plan made for router a, applied with --limit b: an error naming the mismatch, not "nothing applied,
            // exit 0"
            Path plan = dir.resolve("plan.json");
            Path widget = dir.resolve("plan-widget.json");
            assertThat(CliRun.run(
                                    "plan",
                                    "--inventory",
                                    inv.toString(),
                                    "--limit",
                                    a.name(),
                                    "--out",
                                    plan.toString(),
                                    "--gitlab-report",
                                    widget.toString())
                            .exit())
                    .isEqualTo(ExitCodes.CHANGES);
            assertThat(Files.readString(widget))
                    .as("the MR widget: a router holding nothing of ours is a create")
                    .isEqualTo("{\"create\":1,\"update\":0,\"delete\":0}");
            CliRun other =
                    CliRun.run("apply", "--inventory", inv.toString(), "--limit", b.name(), "--plan", plan.toString());
            assertThat(other.exit()).isEqualTo(ExitCodes.ERROR);
            assertThat(other.err()).contains("the plan lists " + a.name() + ", none of which is selected here");
            assertThat(b.lastConfirmTimeoutSeconds()).isZero();

            // a hand-edited plan listing a router twice: one clear sentence, no stack trace
            com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode doc =
                    (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(plan.toFile());
            com.fasterxml.jackson.databind.node.ArrayNode routers =
                    (com.fasterxml.jackson.databind.node.ArrayNode) doc.get("routers");
            routers.add(routers.get(0).deepCopy());
            Path twice = dir.resolve("twice.json");
            mapper.writeValue(twice.toFile(), doc);
            CliRun dup = CliRun.run("apply", "--inventory", inv.toString(), "--plan", twice.toString());
            assertThat(dup.exit()).as(dup.all()).isEqualTo(ExitCodes.ERROR);
            assertThat(dup.err())
                    .contains("lists router " + a.name() + " twice")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }

    /** --junit is checked like --report; a report that fails only after the run still leaves the summary and the other file. */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void anUnwritableJunitIsRefusedFirstAndAReportFailingAfterTheRunKeepsTheSummary(@TempDir Path dir)
            throws Exception {
        try (LabFleet fleet = LabFleet.builder().devices(1).password(PASSWORD).start()) {
            Path inv = inventory(fleet, dir);
            SimDevice a = fleet.devices().get(0);
            CliRun unwritable = CliRun.run(
                    "apply", "--auto-approve", "--inventory", inv.toString(), "--junit", "/proc/nope/junit.xml");
            assertThat(unwritable.exit()).as(unwritable.all()).isEqualTo(ExitCodes.USAGE);
            assertThat(unwritable.err()).contains("/proc/nope/junit.xml").contains("nothing was done");
            assertThat(a.rpcLog().size()).as("no router was contacted").isZero();

            // /dev/full passes every check (exists, writable, not a directory) and fails the write itself: ENOSPC
            Path junit = dir.resolve("junit.xml");
            CliRun full = CliRun.run(
                    "apply",
                    "--auto-approve",
                    "--inventory",
                    inv.toString(),
                    "--report",
                    "/dev/full",
                    "--junit",
                    junit.toString());
            assertThat(full.exit()).as(full.all()).isEqualTo(ExitCodes.ERROR);
            assertThat(full.out()).contains("Apply: 1 applied.");
            assertThat(full.err()).contains("the routers are as summarised above, but /dev/full could not be written");
            assertThat(Files.readString(junit))
                    .as("the other report is still written")
                    .contains("<testsuite");
            assertThat(a.runningXml()).contains("PORTCULLIS-");
        }
    }
}
