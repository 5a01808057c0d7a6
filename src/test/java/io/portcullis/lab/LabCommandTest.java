package io.portcullis.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.cli.CommandLines;
import io.portcullis.inventory.InventoryLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code portcullis lab} through the real command line (without Quarkus): ready line, inventory, clean stop. */
@Tag("lab")
class LabCommandTest {
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void runsPrintsTheReadyLineWritesTheInventoryAndStops(@TempDir Path dir) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        int code;
        try {
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            CommandLine cl = CommandLines.create(null);
            StringWriter err = new StringWriter();
            cl.setErr(new PrintWriter(err));
            code = cl.execute(
                    "lab",
                    "--devices",
                    "3",
                    "--port-base",
                    "0",
                    "--write-inventory",
                    dir.toString(),
                    "--run-for",
                    "1",
                    "--password-env",
                    "PORTCULLIS_LAB_TEST_UNSET_VAR",
                    "--fault",
                    "2=fail-commit");
        } finally {
            System.setOut(old);
        }
        String printed = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(printed)
                .containsPattern("lab: 3 devices on 127\\.0\\.0\\.1:\\d+-\\d+, inventory written to "
                        + java.util.regex.Pattern.quote(dir.toString()));
        assertThat(printed)
                .contains("export PORTCULLIS_LAB_TEST_UNSET_VAR=\"$(cat " + dir.resolve("lab-password") + ")\"");
        String password = Files.readString(dir.resolve("lab-password"));
        assertThat(password).hasSizeGreaterThan(10);
        assertThat(printed).doesNotContain(password);
        assertThat(Files.readString(dir.resolve("groups.yaml")))
                .doesNotContain(password)
                .contains("password-env: PORTCULLIS_LAB_TEST_UNSET_VAR");
        assertThat(InventoryLoader.load(dir).devices()).hasSize(3);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void unknownPlatformIsAUsageError() {
        CommandLine cl = CommandLines.create(null);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("lab", "--platforms", "cisco-ios", "--run-for", "0"))
                .isEqualTo(64);
    }
}
