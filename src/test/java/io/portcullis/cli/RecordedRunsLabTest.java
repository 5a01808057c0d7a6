package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.json.Schemas;
import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.store.Backend;
import io.portcullis.store.DbSettings;
import io.portcullis.store.HistoryDocument;
import io.portcullis.store.HistoryRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs of the real command line against simulated routers are recorded in a real database (H2 and PostgreSQL):
 * two applies in parallel on different routers both land with every router; an apply while the database is
 * down still applies, keeps its exit code and report, and says in one line that it could not record, as its report
 * does ({@code recording}: NOT_RECORDED, where a recorded run's report says RECORDED with its run id);
 * {@code history --json} gives back what was recorded.
 */
@Tag("lab")
class RecordedRunsLabTest {
    private static final String PASSWORD = "Recorded-Runs-Sentinel-55";
    private static final String DB_SECRET = "Db-Url-Sentinel-91";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        DbProperties.clear();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void parallelAppliesAreRecordedAndAnUnreachableDatabaseCostsOneLine(Backend b) throws Exception {
        DbSettings s = b.fresh(dir);
        try (LabFleet fleet = LabFleet.builder()
                .devices(4)
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
            List<String> names = fleet.devices().stream().map(SimDevice::name).toList();
            DbProperties.use(s);

            String a = names.get(0) + "," + names.get(1);
            String c = names.get(2) + "," + names.get(3);
            Path aliceReport = dir.resolve("alice.json");
            CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(() -> CliRun.run(
                    "apply",
                    "--auto-approve",
                    "--inventory",
                    inv.toString(),
                    "--limit",
                    a,
                    "--actor",
                    "alice",
                    "--report",
                    aliceReport.toString()));
            CompletableFuture<CliRun> second = CompletableFuture.supplyAsync(() -> CliRun.run(
                    "apply", "--auto-approve", "--inventory", inv.toString(), "--limit", c, "--actor", "bob"));
            for (CliRun r : List.of(first.get(), second.get())) {
                assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.OK);
                assertThat(r.err()).doesNotContain("could not record");
            }

            CliRun json = CliRun.run("history", "--json", "--kind", "apply");
            assertThat(json.exit()).as(json.all()).isZero();
            List<HistoryRun> runs = HistoryDocument.fromJson(json.out()).runs();
            assertThat(runs).hasSize(2);
            assertThat(runs).extracting(HistoryRun::actor).containsExactlyInAnyOrder("alice", "bob");
            assertThat(runs).allSatisfy(r -> {
                assertThat(r.exitCode()).isZero();
                assertThat(r.finishedAt()).isAfterOrEqualTo(r.startedAt());
                assertThat(r.policyDigest()).startsWith("sha256:");
                assertThat(r.options()).containsEntry("on-failure", "keep").containsEntry("confirm-timeout", "120");
                assertThat(r.routers()).hasSize(2).allSatisfy(x -> {
                    assertThat(x.state()).isEqualTo("APPLIED");
                    assertThat(x.changes()).isNotEmpty();
                    assertThat(x.impact()).anyMatch(i -> i.contains("forwarded → dropped"));
                });
            });
            HistoryRun alice = runs.stream()
                    .filter(r -> r.actor().equals("alice"))
                    .findFirst()
                    .orElseThrow();
            assertThat(alice.routers())
                    .extracting(HistoryRun.Router::router)
                    .containsExactlyInAnyOrder(names.get(0), names.get(1));
            assertThat(CliRun.run("history", "--router", names.get(3)).out().lines())
                    .hasSize(1)
                    .allMatch(l -> l.contains("bob"));
            // the report says the run is in the history database, under the id history knows it by
            JsonNode aliceRecording =
                    JSON.readTree(Files.readString(aliceReport)).get("recording");
            assertThat(aliceRecording).as("recording in %s", aliceReport).isNotNull();
            assertThat(aliceRecording.get("state").asText()).isEqualTo("RECORDED");
            assertThat(aliceRecording.get("runId").asText()).isEqualTo(alice.id());
            assertThat(aliceRecording.get("message").isNull()).isTrue();
            assertThat(Schemas.problems("apply", JSON.readTree(Files.readString(aliceReport))))
                    .isEmpty();

            // the applied policy's documents are kept under its digest, and each router's applied revision is that
            // digest
            try (io.portcullis.store.RunStore store = io.portcullis.store.StoreOpener.open(s)) {
                String digest = runs.get(0).policyDigest();
                assertThat(store.policy(digest).orElseThrow().documents())
                        .as(
                                "the policy directory as applied: the policy and the published promise it was proven against")
                        .containsOnlyKeys("subscriber-protection.yaml", "promise.yaml");
                assertThat(store.policy(digest).orElseThrow().documents().get("subscriber-protection.yaml"))
                        .isEqualTo(Files.readString(Path.of("policy/subscriber-protection.yaml")));
                assertThat(store.appliedRevisions()).hasSize(4).allSatisfy(r -> assertThat(r.policyDigest())
                        .isEqualTo(digest));
            }

            // a plan is recorded with its per-router result too
            CliRun plan = CliRun.run("plan", "--inventory", inv.toString());
            assertThat(plan.exit()).as(plan.all()).isZero();
            assertThat(CliRun.run("history", "--kind", "plan").out()).contains("exit 0", "4 in-sync");

            // the database goes away: the apply still does its job, exit code and report unchanged, one line about it
            SimDevice junos = fleet.devices().get(0);
            junos.outOfBandEdit("""
                    <config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0">
                     <configuration><firewall><family><inet><filter><name>PORTCULLIS-SUBPROTECT-V4</name>
                      <term nc:operation="delete"><name>deny-snmp</name></term>
                     </filter></inet></family></firewall></configuration></config>""");
            // credentials in the URL and as the password setting: neither may reach stderr, stdout or the report
            System.setProperty(
                    "portcullis.db.url",
                    b == Backend.H2
                            ? "jdbc:h2:tcp://127.0.0.1:1/gone;PASSWORD=" + DB_SECRET
                            : "jdbc:postgresql://127.0.0.1:1/gone?password=" + DB_SECRET);
            System.setProperty("portcullis.db.password", DB_SECRET);
            Path report = dir.resolve("report.json");
            CliRun down = CliRun.run(
                    "apply",
                    "--auto-approve",
                    "--inventory",
                    inv.toString(),
                    "--limit",
                    junos.name(),
                    "--report",
                    report.toString(),
                    "--json");
            assertThat(down.exit()).as(down.all()).isEqualTo(ExitCodes.OK);
            assertThat(down.err()).contains("1 applied");
            assertThat(down.err()
                            .lines()
                            .filter(l -> l.contains("could not record"))
                            .toList())
                    .as(down.err())
                    .hasSize(1)
                    .allMatch(l -> l.contains("unreachable"));
            // the router guard (opened beside reading the inventory) falls back to the state file, said once too
            assertThat(down.err()
                            .lines()
                            .filter(l -> l.contains("quarantine and router locks are taken from"))
                            .toList())
                    .as(down.err())
                    .hasSize(1)
                    .allMatch(l -> l.contains("and this process only, because the database cannot be used"));
            assertThat(Files.readString(report)).contains("APPLIED");
            // the report (and --json, the same document) says so: NOT_RECORDED, why in one line, no run id to look up
            JsonNode downReport = JSON.readTree(Files.readString(report));
            assertThat(JSON.readTree(down.out())).as("--json is the report").isEqualTo(downReport);
            JsonNode recording = downReport.get("recording");
            assertThat(recording).as(downReport.toString()).isNotNull();
            assertThat(recording.get("state").asText()).isEqualTo("NOT_RECORDED");
            assertThat(recording.get("runId").isNull()).isTrue();
            assertThat(recording.get("message").asText())
                    .contains("unreachable")
                    .doesNotContain("\n");
            assertThat(Schemas.problems("apply", downReport)).isEmpty();
            for (String out : new String[] {
                json.out(), down.all(), first.get().all(), Files.readString(report), Files.readString(aliceReport)
            }) {
                assertThat(out)
                        .doesNotContain(PASSWORD)
                        .doesNotContain(DB_SECRET)
                        .doesNotContain(s.password().isEmpty() ? PASSWORD : s.password());
            }
            // nothing secret in any table: every row of every pcl_* table, whichever migration added it
            assertThat(io.portcullis.store.DatabaseText.tables(s))
                    .as("the scan sees the tables")
                    .hasSizeGreaterThanOrEqualTo(5);
            String everything = io.portcullis.store.DatabaseText.dump(s);
            assertThat(everything)
                    .as("the scan sees the recorded runs")
                    .contains(names.get(0))
                    .contains("alice");
            assertThat(everything).doesNotContain(PASSWORD);
            if (!s.password().isEmpty()) {
                assertThat(everything).doesNotContain(s.password());
            }
        } finally {
            DbProperties.clear();
            b.drop(s);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void recordingSwitchedOffBehavesAsBefore(Backend b) throws Exception {
        DbProperties.off();
        CliRun r = CliRun.run("history");
        assertThat(r.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err()).contains("portcullis.db.enabled=false");
    }
}
