package io.portcullis.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real command line in-process with captured stdout/stderr (no Quarkus boot). */
public record CliRun(int exit, String out, String err) {

    public static CliRun run(String... args) {
        CommandLine cl = CommandLines.create(null);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    public String all() {
        return out + err;
    }
}
