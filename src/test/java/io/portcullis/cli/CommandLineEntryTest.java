package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineEntryTest {
    @Test
    void everySubcommandHasExactlyOneStart() {
        Set<String> names =
                new HashSet<>(CommandLines.create(null).getSubcommands().keySet());
        assertThat(CommandLineEntry.PLAIN).doesNotContainAnyElementsOf(CommandLineEntry.QUARKUS);
        Set<String> both = new HashSet<>(CommandLineEntry.PLAIN);
        both.addAll(CommandLineEntry.QUARKUS);
        assertThat(both)
                .as("a new subcommand must be put in CommandLineEntry.PLAIN or QUARKUS")
                .isEqualTo(names);
    }

    @Test
    void everyCliCommandHelpAndVersionRunPlainOnlyServeAndLabBootQuarkus() {
        assertThat(CommandLineEntry.plain("validate")).isTrue();
        assertThat(CommandLineEntry.plain("render", "--device", "plan")).isTrue();
        assertThat(CommandLineEntry.plain("verify", "--json")).isTrue();
        assertThat(CommandLineEntry.plain()).isTrue();
        assertThat(CommandLineEntry.plain("--version")).isTrue();
        assertThat(CommandLineEntry.plain("plan", "--help")).isTrue();
        assertThat(CommandLineEntry.plain("help", "apply")).isTrue();
        assertThat(CommandLineEntry.plain("valdate")).isTrue(); // picocli's "did you mean" answers it the same way
        // the commands that record (issue 12): the database is opened without Quarkus
        assertThat(CommandLineEntry.plain("plan", "--limit", "serve")).isTrue();
        assertThat(CommandLineEntry.plain("apply", "--plan", "p.json")).isTrue();
        assertThat(CommandLineEntry.plain("drift")).isTrue();
        assertThat(CommandLineEntry.plain("history")).isTrue();
        assertThat(CommandLineEntry.plain("serve")).isFalse();
        assertThat(CommandLineEntry.plain("lab", "--devices", "6")).isFalse();
        assertThat(CommandLineEntry.plain("serve", "--", "--help")).isFalse();
        assertThat(CommandLineEntry.plain("--verbose", "lab")).isFalse();
        assertThat(new CommandLine(new PortcullisCommand()).getSubcommands()).containsKey("validate");
    }

    @Test
    void thePolicyAPlainCommandWillLoadIsKnownBeforePicocliParses() {
        String fallback = System.getenv("PORTCULLIS_POLICY") == null ? "policy" : System.getenv("PORTCULLIS_POLICY");
        assertThat(PlainMain.policyToPrepare("validate")).isEqualTo(java.nio.file.Path.of(fallback));
        assertThat(PlainMain.policyToPrepare("render", "--device", "x", "--policy", "p/a.yaml"))
                .isEqualTo(java.nio.file.Path.of("p/a.yaml"));
        assertThat(PlainMain.policyToPrepare("verify", "--policy=q")).isEqualTo(java.nio.file.Path.of("q"));
        assertThat(PlainMain.policyToPrepare("validate", "--help")).isNull();
        assertThat(PlainMain.policyToPrepare("--version")).isNull();
        assertThat(PlainMain.policyToPrepare("completion")).isNull();
        assertThat(PlainMain.policyToPrepare()).isNull();
        assertThat(PlainMain.policyToPrepare("validate", "--policy=")).isNull();
    }
}
