package io.portcullis.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** PLACEHOLDER: replaced when its issue lands. */
@Command(name = "validate", description = "(not implemented yet)")
public class ValidateCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
        System.err.println("portcullis validate: not implemented yet");
        return ExitCodes.ERROR;
    }
}
