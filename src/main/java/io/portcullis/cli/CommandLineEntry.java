package io.portcullis.cli;

import java.util.Set;

/**
 * Which start a command line gets. The offline commands (validate, render, verify, completion, help, and any
 * {@code --help}/{@code --version}) read files and print: they run from plain picocli ({@link PlainMain}), because
 * booting Quarkus for them was ~60 % of a {@code validate} (RESTEasy, OpenAPI, Micrometer, Vert.x, Flyway, Agroal:
 * ~9,500 classes, docs/benchmarks.md "CLI start-up"). Commands that talk to the database or serve (plan, apply,
 * drift, recover, counters, history, quarantine, lab, serve) keep the Quarkus start, unchanged.
 *
 * <p>Both starts build the same command tree ({@link CommandLines}), so options, output and exit codes are the same;
 * a word that names no command (a typo) runs plain, where picocli answers it exactly as under Quarkus.
 * {@code CommandLineEntryTest} fails when a new subcommand is in neither set.
 */
final class CommandLineEntry {
    /** Commands that never need CDI beans, a datasource or the HTTP server. */
    static final Set<String> PLAIN = Set.of("validate", "render", "verify", "completion", "help");
    /** Commands that record runs (Agroal + Flyway through Quarkus), run the lab or the service. */
    static final Set<String> QUARKUS =
            Set.of("plan", "apply", "recover", "drift", "counters", "history", "quarantine", "lab", "serve");

    private static final Set<String> HELP_OR_VERSION = Set.of("--help", "-h", "--version", "-V");

    private CommandLineEntry() {}

    /** True when this command line runs without booting Quarkus. */
    static boolean plain(String... args) {
        String command = null;
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (HELP_OR_VERSION.contains(a)) {
                return true; // picocli prints usage or version and runs nothing, whatever the command
            }
            if (command == null && !a.startsWith("-")) {
                command = a;
            }
        }
        return command == null || !QUARKUS.contains(command);
    }

    /** The subcommand word (the first argument that is not an option), or null. */
    static String command(String... args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }
}
