package io.portcullis.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.testing.PortcullisProcess;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI version of {@code scripts/soak.sh}: 150 lab routers, two minutes of faults (about four minutes in all on a
 * loaded 2-core machine), the same checks. {@code -Dsoak.seed=N} replays a seed, {@code -Dsoak.minutes} and
 * {@code -Dsoak.routers} scale it. Runs in the {@code integration-test} phase ({@code mvn -B verify}).
 */
@Tag("processes")
@Tag("lab")
@Tag("bench") // until a green run through surefire is seen (closing note /work/notes/soak.md): -Dgroups=processes -DexcludedGroups=
class SoakTest {
    @TempDir
    Path tmp;

    @Test
    void faultsOutOfBandChangesAndCiAppliesLeaveNothingDuplicatedLostOrLeaking() throws Exception {
        Assumptions.assumeTrue(PortcullisProcess.packaged(), PortcullisProcess.JAR + " missing: this test runs after `package` (mvn -B verify)");
        long seed = Long.getLong("soak.seed", new SecureRandom().nextLong());
        SoakSettings s = SoakSettings.of(Double.parseDouble(System.getProperty("soak.minutes", "2")), Integer.getInteger("soak.routers", 150), seed, tmp);
        Verdict v = SoakRun.run(s, System.out);
        v.print(System.out);
        assertThat(v.ok()).as("soak with seed %d (replay: -Dsoak.seed=%d)%n%s", seed, seed, v).isTrue();
    }
}
