package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@link CommandLines#forArgs} builds only the subcommand a command line names: whatever that subcommand parses, prints
 * or refuses must be exactly what the whole tree of {@link CommandLines#create} does (help, usage errors, inherited
 * options, version), for every subcommand, so the shortcut can never change what a user sees.
 */
class CommandLinesTest {

    /** Every command line below the top that a user can start with a subcommand's name, with what it is asked. */
    static Stream<List<String>> commandLines() {
        List<List<String>> lines = new ArrayList<>();
        HelpAndDiscoveryTest.commandPaths().forEach(path -> {
            for (List<String> tail : List.<List<String>>of(
                    List.of("--help"), List.of("-h"), List.of("--version"), List.of("--no-such-option"), List.of())) {
                if (tail.isEmpty() && !path.equals(List.of("quarantine"))) {
                    continue; // runs the command itself (policy, routers, state): covered by each command's tests
                }
                List<String> line = new ArrayList<>(path);
                line.addAll(tail);
                lines.add(line);
            }
        });
        return lines.stream();
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void oneSubcommandAnswersExactlyAsTheWholeTree(List<String> line) {
        String[] args = line.toArray(String[]::new);
        Answer whole = answer(CommandLines.create(null), args);
        Answer one = answer(CommandLines.forArgs(args), args);
        assertThat(one).isEqualTo(whole);
        assertThat(whole.out() + whole.err()).as("the line was answered").isNotBlank();
    }

    @Test
    void onlyALineStartingWithASubcommandNameGetsTheSmallTree() {
        assertThat(CommandLines.forArgs("plan", "--limit", "bng-1").getSubcommands())
                .containsOnlyKeys("plan");
        assertThat(CommandLines.forArgs("quarantine", "list").getSubcommands()).containsOnlyKeys("quarantine");
        int whole = CommandLines.create(null).getSubcommands().size();
        // help and completion describe the tree; a misspelt name wants "did you mean"; options first, or nothing
        for (String[] args : List.of(
                new String[] {"help", "plan"},
                new String[] {"completion", "bash"},
                new String[] {"plna"},
                new String[] {"--version"},
                new String[] {})) {
            assertThat(CommandLines.forArgs(args).getSubcommands())
                    .as(String.join(" ", args))
                    .hasSize(whole);
        }
    }

    @Test
    void aMisspeltCommandStillGetsItsSuggestion() {
        Answer a = answer(CommandLines.forArgs("plna"), "plna");
        assertThat(a.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(a.err()).contains("Did you mean: plan");
    }

    record Answer(int exit, String out, String err) {}

    private static Answer answer(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        int exit = cl.execute(args);
        return new Answer(exit, out.toString(), err.toString());
    }
}
