package io.portcullis.cli;

import io.portcullis.policy.load.PolicyLoader;
import io.portcullis.policy.load.ValidatedPolicyCache;
import java.nio.file.Path;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The start of the CLI commands ({@link CommandLineEntry#PLAIN}): picocli over the same command tree as the
 * Quarkus start, with the two things Quarkus would have set up done by hand — logging (WARN and above on stderr,
 * {@link PlainLogging}) and configuration (the same sources and precedence, {@link PlainConfig}) — and the
 * validated-policy cache switched on, so an unchanged policy skips the YANG schema build.
 *
 * <p>When the policy did change (or the cache is cold), the commands that load it start that schema build on a
 * background thread before picocli builds its command tree, so the two overlap (docs/benchmarks.md "CLI start-up").
 */
final class PlainMain {
    /** The commands that load the policy (through {@code Workspace}). */
    static final Set<String> LOAD_POLICY = Set.of("validate", "render", "verify", "plan", "apply", "drift");

    private PlainMain() {}

    static int run(String... args) {
        PlainLogging.likeTheApplication();
        PlainConfig.install();
        ValidatedPolicyCache.enableIn(ValidatedPolicyCache.userCacheDirectory(System.getenv()));
        Path policy = policyToPrepare(args);
        if (policy != null) {
            Thread t = new Thread(() -> PolicyLoader.prepareFor(policy), "portcullis-yang-schema");
            t.setDaemon(true); // a usage error exits at once; nothing waits for this thread but the policy load
            t.start();
        }
        return CommandLines.forArgs(args).execute(args);
    }

    /**
     * The policy path a command line is going to load, as GlobalOptions will see it ({@code --policy X},
     * {@code --policy=X}, else configuration {@code portcullis.policy}, else {@code policy}); null for a command that
     * loads none or only prints help. Only a guess for a head start: picocli still parses and reports everything.
     */
    static Path policyToPrepare(String... args) {
        String command = null;
        String policy = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                break;
            }
            if (Set.of("--help", "-h", "--version", "-V").contains(a)) {
                return null;
            }
            if (a.equals("--policy") && i + 1 < args.length) {
                policy = args[++i];
            } else if (a.startsWith("--policy=")) {
                policy = a.substring("--policy=".length());
            } else if (command == null && !a.startsWith("-")) {
                command = a;
            }
        }
        if (command == null || !LOAD_POLICY.contains(command)) {
            return null;
        }
        try {
            if (policy == null) {
                policy = ConfigProvider.getConfig()
                        .getOptionalValue("portcullis.policy", String.class)
                        .orElse("policy");
            }
            return policy.isBlank() ? null : Path.of(policy);
        } catch (RuntimeException e) {
            return null; // an unusable value: picocli says so in its own words
        }
    }
}
