package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line half of README's precedence rule for option values: command-line flag &gt; environment
 * ({@code PORTCULLIS_<OPTION>}) &gt; {@code config/application.properties} in the working directory &gt; built-in
 * default, for options read through {@link ConfigDefaults} ({@code --confirm-timeout} here; every option is looked up
 * the same way). The environment can only be set for a new process, so each case runs the real entry point
 * ({@code PortcullisMain}, the plain start) in a child JVM: {@code apply --help} shows the default that won, and an
 * invalid value at one layer (0 s) shows whether that layer was used at all. (Inventory layers:
 * {@code inventory.SettingPrecedenceTest}; flag and built-in against the inventory: {@code ApplyGuardrailsLabTest}.)
 */
@Tag("slow") // five JVM starts; nothing quicker covers the environment
class OptionPrecedenceTest {
    private record Run(int exit, String out, String err) {}

    private static Run portcullis(Path cwd, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.portcullis.cli.PortcullisMain"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PORTCULLIS_"));
        pb.environment().put("PORTCULLIS_DB_ENABLED", "false");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(cwd, "out", ".txt");
        Path err = Files.createTempFile(cwd, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS))
                .as("portcullis " + String.join(" ", args))
                .isTrue();
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The default {@code apply --help} prints for --confirm-timeout: the value of the highest layer that sets it. */
    private static String shownDefault(Path cwd, Map<String, String> env) throws Exception {
        Run help = portcullis(cwd, env, "apply", "--help");
        assertThat(help.exit()).as(help.err()).isZero();
        String flat = help.out().replaceAll("\\s+", " ");
        int at = flat.indexOf("--confirm-timeout");
        assertThat(at).as(flat).isNotNegative();
        String rest = flat.substring(at);
        return rest.substring(rest.indexOf("(default ") + 9, rest.indexOf(')', rest.indexOf("(default ")));
    }

    @Test
    void environmentBeatsTheConfigFileWhichBeatsTheBuiltInDefault(@TempDir Path cwd) throws Exception {
        assertThat(shownDefault(cwd, Map.of())).as("built-in").isEqualTo("120");
        Files.createDirectories(cwd.resolve("config"));
        Files.writeString(cwd.resolve("config/application.properties"), "portcullis.confirm-timeout=66\n");
        assertThat(shownDefault(cwd, Map.of())).as("config file over built-in").isEqualTo("66");
        assertThat(shownDefault(cwd, Map.of("PORTCULLIS_CONFIRM_TIMEOUT", "77")))
                .as("environment over config file")
                .isEqualTo("77");
    }

    @Test
    void theFlagBeatsTheEnvironment(@TempDir Path cwd) throws Exception {
        String refused = "--confirm-timeout must be at least 1 second";
        // the environment's 0 is used when no flag is given (refused before anything is read) ...
        Run fromEnv = portcullis(cwd, Map.of("PORTCULLIS_CONFIRM_TIMEOUT", "0"), "apply", "--auto-approve");
        assertThat(fromEnv.exit()).as(fromEnv.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(fromEnv.err()).contains(refused);
        // ... and ignored when the flag says 30: apply goes on (and stops later, at the missing policy)
        Run flag = portcullis(
                cwd, Map.of("PORTCULLIS_CONFIRM_TIMEOUT", "0"), "apply", "--auto-approve", "--confirm-timeout", "30");
        assertThat(flag.err()).doesNotContain(refused).contains("policy");
        assertThat(flag.exit()).isNotEqualTo(ExitCodes.OK);
    }
}
