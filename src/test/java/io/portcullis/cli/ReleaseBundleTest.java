package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release bundle {@code target/portcullis-<version>.tar.gz} as a user gets it: unpacked with {@code tar} into a
 * temporary directory and run through its own {@code bin/portcullis} on a PATH that holds only the JDK's {@code bin}
 * and the few system tools the launcher uses (symlinked into one directory: Debian's /usr/bin has mvn, so
 * "/usr/bin:/bin" would not prove the point). Runs after {@code package} ({@code mvn -B verify}).
 */
@Tag("processes")
class ReleaseBundleTest {
    /** What bin/portcullis and the JVM's own start need from the system, nothing else. */
    private static final List<String> TOOLS = List.of("bash", "env", "readlink", "dirname", "sed", "grep", "head", "stat",
            "mkdir", "rm", "mv", "uname");

    @TempDir
    static Path tmp;

    private static Path home;
    private static Path tools;

    @BeforeAll
    static void unpack() throws Exception {
        Path bundle;
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            bundle = s.filter(p -> p.getFileName().toString().matches("portcullis-.*\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new AssertionError("target/portcullis-<version>.tar.gz missing: `mvn -B verify` builds it in `package`"));
        }
        Path into = Files.createDirectories(tmp.resolve("unpacked"));
        Process tar = new ProcessBuilder("tar", "xzf", bundle.toAbsolutePath().toString(), "-C", into.toString()).inheritIO().start();
        assertThat(tar.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).isZero();
        try (Stream<Path> s = Files.list(into)) {
            home = s.findFirst().orElseThrow();
        }
        tools = Files.createDirectories(tmp.resolve("tools"));
        for (String t : TOOLS) {
            for (String dir : List.of("/usr/bin/", "/bin/")) {
                if (Files.isExecutable(Path.of(dir + t)) && !Files.exists(tools.resolve(t))) {
                    Files.createSymbolicLink(tools.resolve(t), Path.of(dir + t));
                }
            }
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Path dir, String path, Map<String, String> extraEnv, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(tools.resolve("bash").toString(), home.resolve("bin/portcullis").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", path);
        pb.environment().put("HOME", tmp.resolve("home").toString());
        pb.environment().put("PORTCULLIS_CACHE_DIR", tmp.resolve("cache").toString());
        pb.environment().put("PORTCULLIS_DB_ENABLED", "false");
        pb.environment().putAll(extraEnv);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("bin/portcullis " + String.join(" ", args) + " finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String javaOnlyPath() {
        return Path.of(System.getProperty("java.home"), "bin") + ":" + tools;
    }

    @Test
    void thePathHoldsNoMaven() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(tools.resolve("bash").toString(), "-c", "command -v mvn || echo none");
        pb.environment().clear();
        pb.environment().put("PATH", javaOnlyPath());
        Process check = pb.start();
        assertThat(new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim()).isEqualTo("none");
    }

    @Test
    void versionHelpAndValidateRunWithJavaAlone() throws Exception {
        Path examples = home.resolve("examples");
        Run version = run(examples, javaOnlyPath(), Map.of(), "--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).contains("portcullis").contains("Java");

        Run help = run(examples, javaOnlyPath(), Map.of(), "plan", "--help");
        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: portcullis plan").contains("--out");

        Run first = run(examples, javaOnlyPath(), Map.of(), "validate");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("portcullis validate: valid").contains("6 devices");
        // the first validate left a class-data-sharing archive; the next run maps it and answers the same
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("cds-"))).singleElement().asString().endsWith(".jsa");
        }
        // and the YANG verdict on the (valid) example policy, so the next validate skips the schema build
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("policy-"))).singleElement().asString().endsWith(".ser");
        }
        Run second = run(examples, javaOnlyPath(), Map.of(), "validate");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(second.err()).isEqualTo(first.err()).doesNotContain("cds").doesNotContain("CDS");

        Run broken = run(examples, javaOnlyPath(), Map.of(), "validate", "--policy", "no-such-policy");
        assertThat(broken.exit()).isEqualTo(ExitCodes.ERROR);
    }

    @Test
    void theBundleCarriesManPagesCompletionsDocsAndExamples() {
        assertThat(home.resolve("share/man/man1/portcullis.1")).isRegularFile();
        assertThat(home.resolve("share/man/man1/portcullis-plan.1")).isRegularFile();
        assertThat(home.resolve("share/completion/portcullis.bash")).content().contains("complete -F");
        assertThat(home.resolve("share/completion/_portcullis")).content().contains("bashcompinit");
        assertThat(home.resolve("README.md")).isRegularFile();
        assertThat(home.resolve("examples/policy/subscriber-protection.yaml")).isRegularFile();
        assertThat(home.resolve("examples/inventory/hosts.yaml")).isRegularFile();
        assertThat(home.resolve("bin/portcullis")).isExecutable();
    }

    @Test
    void noJavaOrAnOldJavaIsOneClearSentence() throws Exception {
        Run none = run(home, tools.toString(), Map.of(), "validate");
        assertThat(none.exit()).isEqualTo(127);
        assertThat(none.err()).contains("no Java found").contains("Java 17");

        Path old = Files.createDirectories(tmp.resolve("jdk-11/bin"));
        Files.writeString(tmp.resolve("jdk-11/release"), "JAVA_VERSION=\"11.0.22\"\n");
        Path fakeJava = old.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\necho should-not-run\n");
        fakeJava.toFile().setExecutable(true);
        Run tooOld = run(home, tools.toString(), Map.of("JAVA_HOME", tmp.resolve("jdk-11").toString()), "validate");
        assertThat(tooOld.exit()).isEqualTo(127);
        assertThat(tooOld.err()).contains("Java 17 or newer is needed").contains("11.0.22");
        assertThat(tooOld.out()).doesNotContain("should-not-run");
    }
}
