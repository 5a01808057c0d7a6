package io.portcullis.cli;

import java.util.Set;

/**
 * Which start a command line gets. Every command of a CLI run (validate, render, verify, plan, apply, drift, recover,
 * counters, history, quarantine, completion, help, and any {@code --help}/{@code --version}) runs from plain picocli
 * ({@link PlainMain}), because booting Quarkus for them was ~60 % of a {@code validate} and ~2 s of a {@code plan}
 * (RESTEasy, OpenAPI, Micrometer, Vert.x, Flyway, Agroal: ~9,500 classes, docs/benchmarks.md "CLI start-up"). The
 * ones that record open the database without a container ({@code store.StoreOpener}: an Agroal pool and Flyway's Java
 * API over the same settings). Only {@code serve} (HTTP server, scheduler, CDI beans) and {@code lab} (kept with the
 * service it is usually run beside) boot Quarkus.
 *
 * <p>Both starts build the same command tree ({@link CommandLines}), so options, output and exit codes are the same;
 * a word that names no command (a typo) runs plain, where picocli answers it exactly as under Quarkus.
 * {@code CommandLineEntryTest} fails when a new subcommand is in neither set.
 */
final class CommandLineEntry {
    /** Commands that never need CDI beans or the HTTP server (those that record open the database themselves). */
    static final Set<String> PLAIN = Set.of(
            "validate",
            "render",
            "verify",
            "completion",
            "help",
            "plan",
            "apply",
            "recover",
            "drift",
            "counters",
            "history",
            "quarantine");
    /** Commands that run the service or the lab. */
    static final Set<String> QUARKUS = Set.of("lab", "serve");

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
