package io.portcullis.cli;

import io.portcullis.policy.load.ValidatedPolicyCache;

/**
 * The start of the offline commands ({@link CommandLineEntry#PLAIN}): picocli over the same command tree as the
 * Quarkus start, with the two things Quarkus would have set up done by hand — logging (WARN and above on stderr,
 * {@link PlainLogging}) and configuration (the same sources and precedence, {@link PlainConfig}) — and the
 * validated-policy cache switched on, so an unchanged policy skips the YANG schema build.
 */
final class PlainMain {
    private PlainMain() {
    }

    static int run(String... args) {
        PlainLogging.likeTheApplication();
        PlainConfig.install();
        ValidatedPolicyCache.enableIn(ValidatedPolicyCache.userCacheDirectory(System.getenv()));
        return CommandLines.create(null).execute(args);
    }
}
