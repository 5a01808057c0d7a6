package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.store.Backend;
import io.portcullis.store.CutDatabase;
import io.portcullis.store.DbSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The database goes away in the middle of a CLI apply (H2 in server mode and PostgreSQL, reached through a
 * {@link io.portcullis.testing.TcpCut} that is cut once the run's first router is in the database): the apply
 * still applies every router, exits as it would have, writes its report and JUnit files, and says once, in
 * one line, that it could not record the run. What was recorded before the cut stays.
 */
@Tag("lab")
class RecordingCutMidRunLabTest {
    private static final String PASSWORD = "Cut-Mid-Run-Sentinel-83";

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        DbProperties.clear();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void anApplyWhoseDatabaseIsCutMidRunFinishesAndSaysSoInOneLine(Backend b) throws Exception {
        try (CutDatabase db = CutDatabase.of(b, dir);
                LabFleet fleet = LabFleet.builder()
                        .devices(3)
                        .platforms("junos,iosxr")
                        .password(PASSWORD)
                        .start()) {
            Path inv = dir.resolve("inventory");
            fleet.writeInventory(inv, "PORTCULLIS_LAB_PASSWORD");
            Files.writeString(inv.resolve("lab-password"), PASSWORD);
            Path groups = inv.resolve("groups.yaml");
            Files.writeString(
                    groups,
                    Files.readString(groups)
                            .replace("password-env: PORTCULLIS_LAB_PASSWORD", "password-file: lab-password"));
            // one router at a time, the later ones slow: the run is still going when its first router is recorded
            for (SimDevice d : fleet.devices().subList(1, 3)) {
                d.faults().delay("edit-config", Duration.ofSeconds(3));
            }
            DbProperties.use(db.viaCut());
            Path report = dir.resolve("report.json");
            Path junit = dir.resolve("junit.xml");
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.run(
                    "apply",
                    "--auto-approve",
                    "--inventory",
                    inv.toString(),
                    "--parallel",
                    "1",
                    "--report",
                    report.toString(),
                    "--junit",
                    junit.toString(),
                    "--journal",
                    dir.resolve("journal").toString()));

            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (routerRows(db.direct()) == 0) {
                assertThat(run)
                        .as("the apply ended before its first router was recorded")
                        .isNotDone();
                assertThat(System.nanoTime())
                        .as("first router recorded within 120 s")
                        .isLessThan(until);
                Thread.sleep(50);
            }
            db.cut().cut();
            assertThat(run).as("cut while the run was still going").isNotDone();

            CliRun r = run.get(240, TimeUnit.SECONDS);
            assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.OK);
            assertThat(r.out()).contains("3 applied");
            assertThat(r.err()
                            .lines()
                            .filter(l -> l.contains("could not record"))
                            .toList())
                    .as(r.err())
                    .hasSize(1)
                    .allMatch(
                            l -> l.startsWith("portcullis apply: could not record this run in the history database: "));
            assertThat(r.all())
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ")
                    .doesNotContain(PASSWORD);
            assertThat(Files.readString(report)).contains("APPLIED");
            com.fasterxml.jackson.databind.JsonNode recording = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(Files.readString(report))
                    .get("recording");
            assertThat(recording.get("state").asText())
                    .as("the report knows the record was cut")
                    .isEqualTo("NOT_RECORDED");
            assertThat(recording.get("runId").isNull()).isTrue();
            assertThat(Files.readString(junit))
                    .contains("<testcase")
                    .contains(fleet.devices().get(2).name());
            for (SimDevice d : fleet.devices()) {
                assertThat(d.runningXml()).as(d.name() + " holds the policy").contains("PORTCULLIS-SUBPROTECT");
            }

            // what reached the database before the cut is still there; the run is left unfinished, not half-rewritten
            db.cut().restore();
            assertThat(routerRows(db.direct())).isBetween(1L, 3L);
            assertThat(count(db.direct(), "SELECT COUNT(*) FROM pcl_run WHERE kind = 'apply'"))
                    .isEqualTo(1);
            assertThat(count(db.direct(), "SELECT COUNT(*) FROM pcl_run WHERE finished_at IS NULL"))
                    .isEqualTo(1);
        }
    }

    private static long routerRows(DbSettings s) {
        try {
            return count(s, "SELECT COUNT(*) FROM pcl_router_run");
        } catch (IllegalStateException notYet) {
            return 0; // the schema is created by the run's first write
        }
    }

    private static long count(DbSettings s, String sql) {
        try (Connection c = DriverManager.getConnection(s.url(), s.username(), s.password());
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
