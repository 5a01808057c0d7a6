package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Issue 12 item 1: every command explains itself. Walks the real command tree (so a new subcommand
 * is covered without editing this test) and asks each one for {@code --help}, {@code -h} and
 * {@code help NAME}.
 */
class HelpAndDiscoveryTest {

    /** Every command path below the top, e.g. ["plan"], as the user would type it. */
    static Stream<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        walk(CommandLines.create(null), new ArrayList<>(), paths);
        return paths.stream();
    }

    private static void walk(CommandLine cl, List<String> prefix, List<List<String>> paths) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (!e.getKey().equals(e.getValue().getCommandName())) {
                continue; // an alias
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            paths.add(path);
            walk(e.getValue(), path, paths);
        }
    }

    private static CommandSpec spec(List<String> path) {
        CommandLine cl = CommandLines.create(null);
        for (String p : path) {
            cl = cl.getSubcommands().get(p);
        }
        return cl.getCommandSpec();
    }

    @Test
    void theTreeHasTheCommandsUsersNeed() {
        assertThat(commandPaths().map(p -> String.join(" ", p)))
                .contains(
                        "validate",
                        "render",
                        "verify",
                        "plan",
                        "apply",
                        "recover",
                        "drift",
                        "lab",
                        "serve",
                        "help",
                        "completion");
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commandPaths")
    void everyCommandPrintsItsHelpWithEveryOptionAndExitsZero(List<String> path) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        CliRun r = CliRun.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.err()).as("nothing complained").isEmpty();
        assertThat(r.out()).contains("Usage: portcullis " + String.join(" ", path));
        for (OptionSpec o : spec(path).options()) {
            if (o.hidden()) {
                continue;
            }
            assertThat(r.out()).as(path + " mentions " + o.longestName()).contains(o.longestName());
            String firstLine = o.description().length == 0 ? "" : o.description()[0];
            assertThat(firstLine)
                    .as(path + " " + o.longestName() + " has a description")
                    .isNotBlank();
            String dv = o.defaultValue();
            if (dv != null && !dv.isEmpty() && !o.usageHelp() && !o.versionHelp()) {
                assertThat(r.out())
                        .as(path + " shows the default of " + o.longestName())
                        .contains(dv);
            }
        }
    }

    @ParameterizedTest(name = "{0} -h and help {0}")
    @MethodSource("commandPaths")
    void shortHelpAndTheHelpCommandWorkToo(List<String> path) {
        List<String> shortArgs = new ArrayList<>(path);
        shortArgs.add("-h");
        CliRun viaH = CliRun.run(shortArgs.toArray(String[]::new));
        assertThat(viaH.exit()).as(viaH.all()).isZero();
        assertThat(viaH.out()).contains("Usage: portcullis " + String.join(" ", path));
        if (path.size() == 1) {
            CliRun viaHelp = CliRun.run("help", path.get(0));
            assertThat(viaHelp.exit()).as(viaHelp.all()).isZero();
            assertThat(viaHelp.out()).isEqualTo(viaH.out());
        }
    }

    @Test
    void renderHelpDoesNotAskForTheRequiredDevice() {
        CliRun r = CliRun.run("render", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.all()).doesNotContain("Missing required");
        assertThat(r.out()).contains("--device");
    }

    @Test
    void aMisspeltCommandGetsADidYouMeanAndExit64() {
        CliRun r = CliRun.run("plna");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Did you mean").contains("plan");
    }

    @Test
    void aMisspeltOptionGetsADidYouMeanAndExit64() {
        CliRun r = CliRun.run("apply", "--confirm-timeot", "30");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Did you mean").contains("--confirm-timeout");
    }

    @Test
    void versionNamesCommitBuildTimeJavaAndQuarkus() {
        CliRun r = CliRun.run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .containsPattern("portcullis \\S+")
                .containsPattern("commit [0-9a-f]{7,}")
                .containsPattern("built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")
                .contains("Java " + System.getProperty("java.version"))
                .containsPattern("Quarkus 3\\.\\d+\\.\\d+");
    }

    @Test
    void bashCompletionCompletesSubcommandsAndOptions() {
        CliRun r = CliRun.run("completion", "bash");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out())
                .contains("complete -F")
                .contains("_picocli_portcullis")
                .contains("recover")
                .contains("--on-failure");
    }

    @Test
    void zshCompletionLoadsBashCompatibilityFirst() {
        CliRun r = CliRun.run("completion", "zsh");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("bashcompinit").contains("_picocli_portcullis");
    }

    /** The build (process-classes, before tests) generates a troff man page per command under target/man/man1. */
    @ParameterizedTest(name = "man page for {0}")
    @MethodSource("commandPaths")
    void theBuildGeneratedAManPageForEveryCommand(List<String> path) throws java.io.IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                Boolean.getBoolean("portcullis.fast"), "-Pfast does not generate the man pages; mvn -B test does");
        java.nio.file.Path page =
                java.nio.file.Path.of("target/man/man1", "portcullis-" + String.join("-", path) + ".1");
        assertThat(page).exists();
        String troff = java.nio.file.Files.readString(page);
        String name = ("PORTCULLIS-" + String.join("-", path).toUpperCase(java.util.Locale.ROOT)).replace("-", "\\-");
        assertThat(troff).contains(".TH \"" + name + "\"");
        for (OptionSpec o : spec(path).options()) {
            assertThat(troff)
                    .as(page + " documents " + o.longestName())
                    .contains(o.longestName().replace("-", "\\-"));
        }
    }

    @Test
    void anUnknownShellIsAUsageError() {
        CliRun r = CliRun.run("completion", "fish");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("bash").contains("zsh");
    }
}
