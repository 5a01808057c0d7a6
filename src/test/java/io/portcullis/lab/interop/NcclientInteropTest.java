package io.portcullis.lab.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.intent.FilterIntent;
import io.portcullis.lab.LabFleet;
import io.portcullis.lab.LabPlatform;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.platform.openconfig.OpenConfigReader;
import io.portcullis.testing.NetconfdServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party client, Debian's python3-ncclient, runs the safe transaction (lock, edit-config, validate, confirmed
 * commit, confirming commit, unlock, get-config and compare) against one simulated router started in this JVM.
 */
@Tag("lab")
class NcclientInteropTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    record Run(int exit, List<String> lines) {
        boolean hasLine(String prefix) {
            return lines.stream().anyMatch(l -> l.startsWith(prefix));
        }
    }

    @Test
    void ncclientRunsTheWholeTransactionAgainstTheSimulator(@TempDir Path tmp) throws Exception {
        String payload = NetconfdServer.openConfigPayload("PORTCULLIS-NCC");
        try (LabFleet fleet = LabFleet.builder()
                .devices(1)
                .platforms(List.of(LabPlatform.OPENCONFIG))
                .start()) {
            SimDevice device = fleet.device(0);
            Run run = ncclient(fleet, device, payload, tmp);

            assertThat(run.exit()).as(String.join("\n", run.lines())).isZero();
            assertThat(run.lines()).last().isEqualTo("RESULT ok");
            for (String step : List.of(
                    "connect",
                    "lock",
                    "edit-config",
                    "validate",
                    "confirmed-commit",
                    "confirming-commit",
                    "unlock",
                    "get-config",
                    "compare",
                    "close")) {
                assertThat(run.hasLine("STEP " + step + " ok"))
                        .as(step + " in " + run.lines())
                        .isTrue();
            }
            // the simulator's side of the story: the same operations, in order, and the ACL really in running
            assertThat(device.rpcLog().operations())
                    .containsSubsequence(
                            "lock",
                            "edit-config",
                            "validate",
                            "commit",
                            "commit",
                            "unlock",
                            "get-config",
                            "close-session");
            assertThat(device.confirmedCommitPending()).isFalse();
            FilterIntent pushed = OpenConfigReader.read(device.name(), payload).intent();
            FilterIntent running = OpenConfigReader.read(device.name(), "<data>" + device.runningXml() + "</data>")
                    .intent();
            assertThat(running.filters()).isEqualTo(pushed.filters());
            assertThat(running.bindings()).containsAll(pushed.bindings());
        }
    }

    @Test
    void aCommitFailureOnTheSimulatorIsWhatNcclientReports(@TempDir Path tmp) throws Exception {
        // negative control: the script and this test can fail, and the simulator's running stays untouched
        String payload = NetconfdServer.openConfigPayload("PORTCULLIS-NCC");
        try (LabFleet fleet = LabFleet.builder()
                .devices(1)
                .platforms(List.of(LabPlatform.OPENCONFIG))
                .start()) {
            SimDevice device = fleet.device(0);
            String before = device.runningXml();
            device.faults().failCommit("commit check failed: interop negative control");
            Run run = ncclient(fleet, device, payload, tmp);

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.lines())
                    .last()
                    .asString()
                    .startsWith("RESULT fail: confirmed-commit answered rpc-error")
                    .contains("interop negative control");
            assertThat(device.runningXml()).isEqualTo(before);
        }
    }

    private static Run ncclient(LabFleet fleet, SimDevice device, String payload, Path tmp) throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(PYTHON), "SKIPPED: /usr/bin/python3 is missing; install python3-ncclient");
        Path script = tmp.resolve("ncclient_transaction.py");
        try (InputStream in = NcclientInteropTest.class.getResourceAsStream("/interop/ncclient_transaction.py")) {
            Files.write(script, in.readAllBytes());
        }
        Path config = Files.writeString(tmp.resolve("config.xml"), payload);
        Path knownHosts = Files.writeString(tmp.resolve("known_hosts"), fleet.knownHosts());
        Path password = Files.createFile(
                tmp.resolve("password"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(password, fleet.password());

        Process p = new ProcessBuilder(
                        PYTHON.toString(),
                        script.toString(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        String.valueOf(device.port()),
                        "--username",
                        fleet.username(),
                        "--password-file",
                        password.toString(),
                        "--known-hosts",
                        knownHosts.toString(),
                        "--config",
                        config.toString())
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try {
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .forEach(lines::add);
            } catch (IOException ignored) {
                // the process died; its exit code tells
            }
        });
        reader.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ncclient did not finish within 90 s against " + device.name());
        }
        reader.join(5_000);
        Assumptions.assumeTrue(p.exitValue() != 3, () -> "SKIPPED: " + String.join(" ", lines));
        return new Run(p.exitValue(), List.copyOf(lines));
    }
}
