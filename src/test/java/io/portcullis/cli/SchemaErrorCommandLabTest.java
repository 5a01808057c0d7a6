package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.lab.LabFleet;
import io.portcullis.store.Backend;
import io.portcullis.store.DbSettings;
import io.portcullis.store.StoreOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database whose schema this build cannot use, seen from the command line (H2 and PostgreSQL): a schema newer than
 * this portcullis, and one whose applied migration was changed by hand. {@code history} fails with exit 2 and one
 * sentence naming the migration; {@code apply} still applies, keeps its exit code and says in one line, naming the
 * migration, that it could not record. Never a stack trace, never the database password.
 */
@Tag("lab")
class SchemaErrorCommandLabTest {
    private static final String PASSWORD = "Schema-Error-Sentinel-47";

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        DbProperties.clear();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aTooNewOrChangedSchemaIsOneSentenceNamingTheMigration(Backend b) throws Exception {
        DbSettings s = b.fresh(dir);
        try (LabFleet fleet = LabFleet.builder()
                .devices(1)
                .platforms("junos")
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
            StoreOpener.open(s).close();
            DbProperties.use(s);

            Backend.exec(
                    s,
                    "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, "
                            + "execution_time, success) VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 1, 'x', 1, TRUE)");
            expectOneSentence(CliRun.run("history"), "V99__from_the_future", "newer than this portcullis", s);
            CliRun apply = CliRun.run(
                    "apply",
                    "--auto-approve",
                    "--inventory",
                    inv.toString(),
                    "--journal",
                    dir.resolve("journal").toString());
            assertThat(apply.exit()).as(apply.all()).isEqualTo(ExitCodes.OK);
            assertThat(apply.out()).contains("1 applied");
            List<String> lines = apply.err()
                    .lines()
                    .filter(l -> l.contains("could not record"))
                    .toList();
            assertThat(lines)
                    .as(apply.err())
                    .hasSize(1)
                    .allMatch(l -> l.contains("V99__from_the_future") && l.contains("newer than this portcullis"));
            assertClean(apply, s);

            Backend.exec(s, "DELETE FROM flyway_schema_history WHERE version = '99'");
            Backend.exec(s, "UPDATE flyway_schema_history SET checksum = 42 WHERE version = '1'");
            expectOneSentence(CliRun.run("history", "--json"), "V1__run_history", "does not match this portcullis", s);
            CliRun plan = CliRun.run("plan", "--inventory", inv.toString());
            assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.OK);
            assertThat(plan.err()
                            .lines()
                            .filter(l -> l.contains("could not record"))
                            .toList())
                    .as(plan.err())
                    .hasSize(1)
                    .allMatch(l -> l.contains("V1__run_history"));
            assertClean(plan, s);
        } finally {
            DbProperties.clear();
            b.drop(s);
        }
    }

    private static void expectOneSentence(CliRun r, String migration, String why, DbSettings s) {
        assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines())
                .as(r.err())
                .hasSize(1)
                .allMatch(l -> l.contains(migration) && l.contains(why));
        assertClean(r, s);
    }

    private static void assertClean(CliRun r, DbSettings s) {
        assertThat(r.all()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(PASSWORD);
        if (!s.password().isEmpty()) {
            assertThat(r.all()).doesNotContain(s.password());
        }
    }
}
