package io.portcullis.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** PLACEHOLDER: replaced when its issue lands. */
@Command(name = "drift", description = "(not implemented yet)")
public class DriftCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
        System.err.println("portcullis drift: not implemented yet");
        return ExitCodes.ERROR;
    }
}
