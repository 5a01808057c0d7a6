package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.engine.report.EngineJson;
import io.portcullis.lab.FaultSpec;
import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apply --on-failure revert and recover through the real command line on a lab fleet: exit codes, the
 * journal under --journal, a corrupt journal line named by file:line, and no persist token in any output.
 */
@Tag("lab")
class RevertAndRecoverCommandTest {
    private static final String PASSWORD = "Revert-Recover-Sentinel-27";

    @Test
    void revertRunCancelsEverythingThenRecoverReportsAHandMadeEntryAndACorruptLine(@TempDir Path dir) throws Exception {
        try (LabFleet fleet = LabFleet.builder().devices(4).password(PASSWORD).start()) {
            Path inv = dir.resolve("inventory");
            fleet.writeInventory(inv, LabFleet.DEFAULT_PASSWORD_ENV);
            Files.writeString(inv.resolve("lab-password"), PASSWORD);
            Path groups = inv.resolve("groups.yaml");
            Files.writeString(
                    groups,
                    Files.readString(groups)
                            .replace("password-env: PORTCULLIS_LAB_PASSWORD", "password-file: lab-password"));
            Path journal = dir.resolve("journal");
            List<String> before =
                    fleet.devices().stream().map(SimDevice::runningXml).toList();
            FaultSpec.apply(fleet, "3=fail-validate");

            CliRun usage = CliRun.run(
                    "apply",
                    "--auto-approve",
                    "--inventory",
                    inv.toString(),
                    "--on-failure",
                    "revert",
                    "--confirm-timeout",
                    "2");
            assertThat(usage.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(usage.err()).contains("--confirm-timeout must be at least 3 seconds with --on-failure revert");
            assertThat(CliRun.run("apply", "--auto-approve", "--inventory", inv.toString(), "--on-failure", "maybe")
                            .err())
                    .contains("'maybe' is not keep or revert");

            CliRun apply = CliRun.run(
                    "apply",
                    "--auto-approve",
                    "--inventory",
                    inv.toString(),
                    "--on-failure",
                    "revert",
                    "--journal",
                    journal.toString(),
                    "--parallel",
                    "1");
            assertThat(apply.exit()).as(apply.all()).isEqualTo(ExitCodes.ERROR);
            assertThat(apply.err())
                    .contains("PROVEN (awaiting confirm)")
                    .contains("on-failure revert: cancelling 2 router(s)");
            for (int i = 0; i < 4; i++) {
                assertThat(fleet.device(i).runningXml())
                        .as(fleet.device(i).name())
                        .isEqualTo(before.get(i));
            }
            assertThat(apply.out())
                    .contains(fleet.device(0).name() + ": FAILED_ROLLED_BACK")
                    .contains(fleet.device(1).name() + ": FAILED_ROLLED_BACK");

            // the run's journal: router 2 (confirmed-commit 1.1) was journaled, then closed
            Path runFile;
            try (Stream<Path> files = Files.list(journal)) {
                runFile = files.filter(p -> p.toString().endsWith(".journal"))
                        .findFirst()
                        .orElseThrow();
            }
            List<String> lines = Files.readAllLines(runFile);
            String pending = lines.stream()
                    .filter(l -> l.contains("\"PENDING\""))
                    .findFirst()
                    .orElseThrow();
            String token = EngineJson.MAPPER.readTree(pending).get("persistId").asText();
            assertThat(apply.all()).doesNotContain(token).doesNotContain(PASSWORD);

            CliRun nothing = CliRun.run("recover", "--inventory", inv.toString(), "--journal", journal.toString());
            assertThat(nothing.exit()).as(nothing.all()).isEqualTo(ExitCodes.OK);
            assertThat(nothing.out()).contains("0 pending entries");

            // a crashed run's file: the same entry left open under another run id, after a corrupt line
            Path crashed = journal.resolve("crashed.journal");
            Files.writeString(
                    crashed,
                    "{\"type\":\"PENDING\",\"run\":\n" + pending.replaceAll("\"run\":\"[^\"]+\"", "\"run\":\"crashed\"")
                            + "\n");
            CliRun recover =
                    CliRun.run("recover", "--inventory", inv.toString(), "--journal", journal.toString(), "--cancel");
            assertThat(recover.exit()).as(recover.all()).isEqualTo(ExitCodes.ERROR);
            assertThat(recover.err()).contains("journal " + crashed + ":1: not a JSON journal record; skipped");
            assertThat(recover.out())
                    .contains(fleet.device(1).name() + " (run crashed): FAILED_NOT_APPLIED (NOT_PENDING)");
            assertThat(recover.all())
                    .doesNotContain(token)
                    .doesNotContain(PASSWORD)
                    .doesNotContain("Exception");
            assertThat(fleet.device(1).runningXml()).isEqualTo(before.get(1));

            CliRun again =
                    CliRun.run("recover", "--inventory", inv.toString(), "--journal", journal.toString(), "--confirm");
            assertThat(again.out()).as("the entry was closed").contains("0 pending entries");
        }
    }
}
