package io.portcullis.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Options every command takes (design.md section 4); defaults come from SmallRye Config.
 * Empty values are usage errors (exit 64): an empty CI variable must never mean "the whole fleet"
 * ({@code --limit ""}) or "the current directory" ({@code --policy ""} used to load ./pom.xml).
 */
public class GlobalOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    public Path policy;

    public Path inventory;

    public String limit;

    @Option(
            names = "--verbose",
            description =
                    "Trace every NETCONF message sent and received, per router, on stderr (secrets redacted), and add details to the output.")
    public boolean verbose;

    @Option(
            names = "--no-color",
            description = "No ANSI colour even on a terminal (NO_COLOR does the same; CLICOLOR_FORCE forces it).")
    public boolean noColor;

    /** Colour and CI sections for human output, from --no-color, the environment and whether stdout is a terminal. */
    OutputStyle style() {
        return OutputStyle.detect(noColor);
    }

    @Option(
            names = "--policy",
            paramLabel = "PATH",
            defaultValue = "policy",
            description = "Policy file or directory (config portcullis.policy, env PORTCULLIS_POLICY).")
    void policy(String value) {
        policy = Path.of(nonEmpty("--policy", value, "a policy file or directory"));
    }

    @Option(
            names = "--inventory",
            paramLabel = "DIR",
            defaultValue = "inventory",
            description = "Inventory directory (config portcullis.inventory).")
    void inventory(String value) {
        inventory = Path.of(nonEmpty("--inventory", value, "an inventory directory"));
    }

    @Option(
            names = "--limit",
            paramLabel = "SELECTORS",
            description = "Device names or group:NAME, comma-separated (config portcullis.limit).")
    void limit(String value) {
        if (value == null || value.replace(",", "").isBlank()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--limit is empty; name devices or group:NAME, comma-separated"
                            + " (leave --limit out to select every device)");
        }
        limit = value;
    }

    private String nonEmpty(String option, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ParameterException(spec.commandLine(), option + " is empty; give " + what);
        }
        return value;
    }
}
