package io.portcullis.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes (design.md section 4); defaults come from SmallRye Config. */
public class GlobalOptions {
    @Option(names = "--policy", description = "Policy file or directory (config portcullis.policy, env PORTCULLIS_POLICY).",
            defaultValue = "policy")
    public Path policy;

    @Option(names = "--inventory", description = "Inventory directory (config portcullis.inventory).",
            defaultValue = "inventory")
    public Path inventory;

    @Option(names = "--limit", description = "Device names or group:NAME, comma-separated (config portcullis.limit).")
    public String limit;

    @Option(names = "--verbose", description = "Add the protocol trace and details to the output.")
    public boolean verbose;
}
