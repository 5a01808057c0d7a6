package io.portcullis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link CurrentSchema}: a database is taken as current (and Flyway skipped) only when its history is exactly the
 * shipped migrations with Flyway's own checksums; every other history goes to Flyway, on H2 and PostgreSQL.
 */
class CurrentSchemaTest {
    @TempDir
    Path tmp;

    @Test
    void theListedChecksumsAreFlywaysOwnForEveryShippedMigration() {
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:checksums;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        Map<String, Integer> flyways = new TreeMap<>();
        for (MigrationInfo m : Flyway.configure()
                .dataSource(empty)
                .locations("classpath:db/migration")
                .load()
                .info()
                .all()) {
            flyways.put(m.getVersion().getVersion(), m.getChecksum());
        }
        StringBuilder lines = new StringBuilder();
        flyways.forEach((v, c) -> lines.append(v).append('=').append(c).append('\n'));
        assertThat(CurrentSchema.shipped())
                .as("src/main/resources/" + CurrentSchema.CHECKSUMS + " must list exactly:\n" + lines)
                .isEqualTo(flyways);
    }

    @Test
    void anH2UrlOfTheUsersOwnWithoutLowerCaseNamesIsRecognisedToo() throws Exception {
        // portcullis.db.url may be any jdbc:h2: URL; Flyway quotes its names, so upper-casing must not hide them
        DbSettings s = new DbSettings(true, "jdbc:h2:file:" + tmp.resolve("plain"), "", "", null);
        StoreOpener.Database db = StoreOpener.database(s);
        try {
            assertThat(CurrentSchema.holds(db.dataSource(), "test")).isTrue();
        } finally {
            db.owner().close();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void onlyTheExactShippedHistoryIsCurrent(Backend b) {
        DbSettings s = b.fresh(tmp);
        StoreOpener.Database fresh = StoreOpener.database(s);
        try {
            // opening migrated it (an empty database is never current); now it is
            assertThat(CurrentSchema.holds(fresh.dataSource(), "test")).isTrue();

            Backend.exec(s, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
            assertThat(CurrentSchema.holds(fresh.dataSource(), "test"))
                    .as("changed")
                    .isFalse();
            Backend.exec(s, "UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version = '1'");
            assertThat(CurrentSchema.holds(fresh.dataSource(), "test")).isTrue();

            Backend.exec(s, "UPDATE flyway_schema_history SET success = FALSE WHERE version = '2'");
            assertThat(CurrentSchema.holds(fresh.dataSource(), "test"))
                    .as("failed")
                    .isFalse();
            Backend.exec(s, "UPDATE flyway_schema_history SET success = TRUE WHERE version = '2'");

            Backend.exec(
                    s,
                    "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                            + "installed_by, execution_time, success) VALUES (99, '99', 'newer', 'SQL', 'V99__newer.sql', 1, "
                            + "'x', 1, TRUE)");
            assertThat(CurrentSchema.holds(fresh.dataSource(), "test"))
                    .as("newer")
                    .isFalse();
            Backend.exec(s, "DELETE FROM flyway_schema_history WHERE version = '99'");

            int last = CurrentSchema.shipped().keySet().stream()
                    .mapToInt(Integer::parseInt)
                    .max()
                    .orElseThrow();
            Backend.exec(s, "DELETE FROM flyway_schema_history WHERE version = '" + last + "'");
            assertThat(CurrentSchema.holds(fresh.dataSource(), "test"))
                    .as("pending")
                    .isFalse();
        } finally {
            try {
                fresh.owner().close();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            b.drop(s);
        }
    }
}
