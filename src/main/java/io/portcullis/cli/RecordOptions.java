package io.portcullis.cli;

import picocli.CommandLine.Option;

/** Options of the commands that are recorded in the run history (plan, apply, drift, recover). */
public class RecordOptions {
    @Option(
            names = "--actor",
            description = "Who runs this, as the history shows it (config portcullis.actor, env PORTCULLIS_ACTOR; "
                    + "default the CI user, else the OS user).")
    public String actor;
}
