package io.portcullis.cli;

import picocli.CommandLine;

/** Builds the configured command line, used by the Quarkus entry point and by tests alike. */
public final class CommandLines {
    private CommandLines() {}

    public static CommandLine create(CommandLine.IFactory factory) {
        return configure(
                factory == null
                        ? new CommandLine(new PortcullisCommand())
                        : new CommandLine(PortcullisCommand.class, factory));
    }

    /**
     * The command line {@code args} need: when they start with the name of a subcommand, the top command with that
     * one subcommand only; otherwise (no command, a top-level option, {@code help}, {@code completion}, a misspelt
     * name that wants "did you mean") the whole tree of {@link #create}. picocli builds every subcommand's model by
     * reflection before it parses anything, and the whole tree costs a plan about 0.1 s of its start
     * (docs/benchmarks.md "CLI start-up"); what the one subcommand parses, prints and runs is the same either way
     * ({@code CommandLinesTest}).
     */
    public static CommandLine forArgs(String... args) {
        Class<?> one = args.length == 0 ? null : OneSubcommand.named(args[0]);
        if (one == null) {
            return create(null);
        }
        CommandLine top = new CommandLine(new PortcullisCommand.WithOneSubcommand());
        top.addSubcommand(new CommandLine(one));
        return configure(top);
    }

    private static CommandLine configure(CommandLine cl) {
        cl.setDefaultValueProvider(new ConfigDefaults());
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("portcullis: " + ex.getMessage());
            // picocli's own suggestions (edit distance over commands and options), worded the same way for both
            if (ex instanceof CommandLine.UnmatchedArgumentException u
                    && !u.getSuggestions().isEmpty()) {
                c.getErr().println("Did you mean: " + String.join(" or ", u.getSuggestions()) + "?");
            }
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        // Last line of defence: one sentence, never a stack trace (--verbose shows it).
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            c.getErr()
                    .println("portcullis: "
                            + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
            if (parseResult.originalArgs().contains("--verbose")) {
                ex.printStackTrace(c.getErr());
            }
            return ExitCodes.ERROR;
        });
        return cl;
    }
}
