package io.portcullis.cli;

import picocli.CommandLine;

/** Builds the configured command line, used by the Quarkus entry point and by tests alike. */
public final class CommandLines {
    private CommandLines() {}

    public static CommandLine create(CommandLine.IFactory factory) {
        CommandLine cl = factory == null
                ? new CommandLine(new PortcullisCommand())
                : new CommandLine(PortcullisCommand.class, factory);
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
