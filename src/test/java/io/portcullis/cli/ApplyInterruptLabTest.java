package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 5: an interrupted apply says what each router's state is and how to finish — Ctrl-C used to exit 130
 * with no output at all. The apply runs in a process of its own and is sent SIGTERM with kill(1) while a slow router
 * is in flight: SIGTERM and SIGINT take the same path (the JVM's shutdown hooks; exit 128 + signal), and SIGTERM is
 * the one a test can send reliably, because a build started in the background (nohup, CI runners) inherits SIGINT
 * as ignored and the JVM then never sees Ctrl-C's signal at all — observed here: the process ran on for 60 s.
 */
@Tag("lab")
class ApplyInterruptLabTest {
    private static final String PASSWORD = "Interrupt-Lab-Sentinel-88";

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void anInterruptedApplyReportsEachRoutersStateAndHowToFinish(@TempDir Path dir) throws Exception {
        try (LabFleet fleet = LabFleet.builder().devices(3).password(PASSWORD).start()) {
            Path inv = dir.resolve("inventory");
            fleet.writeInventory(inv, "PORTCULLIS_LAB_PASSWORD");
            Files.writeString(inv.resolve("lab-password"), PASSWORD);
            Path groups = inv.resolve("groups.yaml");
            Files.writeString(
                    groups,
                    Files.readString(groups)
                            .replace("password-env: PORTCULLIS_LAB_PASSWORD", "password-file: lab-password"));
            SimDevice slow = fleet.devices().get(1);
            slow.faults().delay(Duration.ofSeconds(30)); // every reply of the second router takes 30 s

            Path output = dir.resolve("apply.out");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process p = new ProcessBuilder(List.of(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            CliProcessMain.class.getName(),
                            "apply",
                            "--auto-approve",
                            "--inventory",
                            inv.toString(),
                            "--parallel",
                            "1",
                            "--max-failures",
                            "5",
                            "--journal",
                            dir.resolve("journal").toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(output).contains("[1/3]") && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(200); // the first router is done; the slow second one is now in flight
            }
            Thread.sleep(1_000);
            new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(text).isEqualTo(143);
            assertThat(text)
                    .contains("portcullis apply: interrupted. Finished: APPLIED=1; in flight: " + slow.name()
                            + "; not contacted: 1.")
                    .contains("reverts by itself within 120 s")
                    .contains("portcullis plan");
        }
    }
}
