package io.portcullis.cli;

/** The command line without Quarkus, for tests that need it in a process of its own (signals, exit status). */
public final class CliProcessMain {
    private CliProcessMain() {}

    public static void main(String[] args) {
        System.exit(CommandLines.create(null).execute(args));
    }
}
