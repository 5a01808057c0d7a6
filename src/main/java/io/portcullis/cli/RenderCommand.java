package io.portcullis.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** PLACEHOLDER: replaced when its issue lands. */
@Command(name = "render", description = "(not implemented yet)")
public class RenderCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
        System.err.println("portcullis render: not implemented yet");
        return ExitCodes.ERROR;
    }
}
