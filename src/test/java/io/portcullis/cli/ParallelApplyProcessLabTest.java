package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.guard.Guards;
import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.store.Backend;
import io.portcullis.store.DbSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13 item 5 across processes: two {@code portcullis apply} processes on one lab router at once, sharing the
 * run-history database (an embedded H2 file, or PostgreSQL). The router lock (a lock file beside the H2 file, an advisory
 * lock in a PostgreSQL session of each run) makes the second wait for the first (then it finds nothing to do), or, with {@code portcullis.router-lock-wait=1}, refuses it with
 * "another Portcullis run holds this router (run id, actor)". Neither reports foreign uncommitted changes.
 */
@Tag("lab")
class ParallelApplyProcessLabTest {
    private static final String PASSWORD = "Parallel-Lab-Sentinel-41";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void twoCliAppliesOnOneRouterWaitForEachOther(Backend backend) throws Exception {
        List<String> out = runTwo(backend, null);
        assertThat(String.join("\n----\n", out))
                .doesNotContain("FOREIGN_UNCOMMITTED_CHANGES")
                .doesNotContain("LOCKED_BY");
        assertThat(out).filteredOn(o -> o.contains("Apply: 1 applied.")).hasSize(1);
        assertThat(out)
                .filteredOn(o -> o.contains("Apply: 1 no-change."))
                .as(String.join("\n----\n", out))
                .hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void withAShortLockWaitTheSecondIsRefusedNamingTheRunThatHoldsTheRouter(Backend backend) throws Exception {
        List<String> out = runTwo(backend, "1");
        String all = String.join("\n----\n", out);
        assertThat(all).doesNotContain("FOREIGN_UNCOMMITTED_CHANGES").doesNotContain("LOCKED_BY");
        assertThat(out).filteredOn(o -> o.contains("Apply: 1 applied.")).as(all).hasSize(1);
        assertThat(out)
                .filteredOn(o -> o.contains("(ROUTER_BUSY)")
                        && o.matches("(?s).*another Portcullis run holds this router \\(127\\.0\\.0\\.1:\\d+: run "
                                + "[0-9a-f-]{36}, actor (first|second)\\).*"))
                .as(all)
                .hasSize(1);
    }

    /** Starts both applies at once; returns each one's output followed by "exit N". */
    private List<String> runTwo(Backend backend, String lockWait) throws Exception {
        DbSettings db = backend.fresh(dir);
        try (LabFleet fleet = LabFleet.builder().devices(1).password(PASSWORD).start()) {
            Guards.open(db, "set-up").close(); // schema migrated once, before two processes race for it
            Path inv = dir.resolve("inventory");
            fleet.writeInventory(inv, "PORTCULLIS_LAB_PASSWORD");
            Files.writeString(inv.resolve("lab-password"), PASSWORD);
            Path groups = inv.resolve("groups.yaml");
            Files.writeString(
                    groups,
                    Files.readString(groups)
                            .replace("password-env: PORTCULLIS_LAB_PASSWORD", "password-file: lab-password"));
            SimDevice d = fleet.devices().get(0);
            d.faults().delay("commit", Duration.ofSeconds(6)); // the first holds the router for 12 s or more
            Path dbPassword = dir.resolve("db-password");
            Files.writeString(dbPassword, db.password());
            Files.setPosixFilePermissions(dbPassword, PosixFilePermissions.fromString("rw-------"));
            List<Process> ps = new ArrayList<>();
            List<Path> outputs = new ArrayList<>();
            for (String actor : List.of("first", "second")) {
                Path output = dir.resolve(actor + ".out");
                String java = ProcessHandle.current().info().command().orElse("java");
                List<String> cmd = new ArrayList<>(List.of(
                        java,
                        "-Dportcullis.db.url=" + db.url(),
                        "-Dportcullis.db.username=" + db.username(),
                        "-Dportcullis.db.password-file=" + dbPassword,
                        "-Dportcullis.state-dir=" + dir.resolve("state")));
                if (lockWait != null) {
                    cmd.add("-Dportcullis.router-lock-wait=" + lockWait);
                }
                cmd.addAll(List.of(
                        "-cp",
                        System.getProperty("java.class.path"),
                        CliProcessMain.class.getName(),
                        "apply",
                        "--auto-approve",
                        "--inventory",
                        inv.toString(),
                        "--actor",
                        actor,
                        "--journal",
                        dir.resolve("journal").toString()));
                ps.add(new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start());
                outputs.add(output);
            }
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < ps.size(); i++) {
                assertThat(ps.get(i).waitFor(240, TimeUnit.SECONDS)).isTrue();
                texts.add(Files.readString(outputs.get(i), StandardCharsets.UTF_8) + "\nexit "
                        + ps.get(i).exitValue());
            }
            assertThat(String.join("\n", texts))
                    .doesNotContain(PASSWORD)
                    .doesNotContain(db.password().isEmpty() ? "\u0000" : db.password());
            return texts;
        } finally {
            backend.drop(db);
        }
    }
}
