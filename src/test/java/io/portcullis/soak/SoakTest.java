package io.portcullis.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.store.Backend;
import io.portcullis.testing.PortcullisProcess;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The CI version of {@code scripts/soak.sh} (issue 13 item 4, "a 3-minute version runs in CI"): {@value #ROUTERS} lab
 * routers, {@value #MINUTES} minutes of faults, the same checks as the long run. Runs in the {@code integration-test}
 * phase ({@code mvn -B verify}, tag {@code processes}; alone: {@code mvn -B -o package -DskipTests} then {@code mvn -B
 * -o surefire:test@process-tests -Dtest=SoakTest}) against the lab PostgreSQL ({@code scripts/postgres-lab.sh start},
 * which {@code .ci/run} does; skipped with the reason when it is not running, {@code -Dportcullis.postgres.lab=FILE}
 * names another cluster's jdbc.properties). {@code -Dsoak.seed=N} replays a seed's random choices (their timing
 * varies), {@code -Dsoak.minutes} and {@code -Dsoak.routers} scale it. The verdict table is in the test's output; the
 * logs of every process, the CI reports and the resource samples stay in {@code target/soak/SEED/}.
 */
@Tag("processes")
@Tag("lab")
class SoakTest {
    static final String MINUTES = "3";
    static final int ROUTERS = 24;

    @Test
    void faultsOutOfBandChangesAndCiAppliesLeaveNothingDuplicatedLostOrLeaking() throws Exception {
        Assumptions.assumeTrue(
                PortcullisProcess.packaged(),
                PortcullisProcess.JAR + " missing: this test runs after `package` (mvn -B verify)");
        // skipped (not failed) with the reason when the lab PostgreSQL is not running, before anything is started
        Backend.postgresLab();
        long seed = Long.getLong("soak.seed", new SecureRandom().nextLong());
        SoakSettings s = SoakSettings.of(
                Double.parseDouble(System.getProperty("soak.minutes", MINUTES)),
                Integer.getInteger("soak.routers", ROUTERS),
                seed,
                Path.of("target", "soak", Long.toUnsignedString(seed)).toAbsolutePath());
        Verdict v = SoakRun.run(s, System.out);
        v.print(System.out);
        assertThat(v.ok())
                .as("soak with seed %d (replay: -Dsoak.seed=%d)%n%s", seed, seed, v)
                .isTrue();
    }
}
