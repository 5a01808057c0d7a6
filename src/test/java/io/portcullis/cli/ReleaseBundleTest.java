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
    private static final List<String> TOOLS =
            List.of("bash", "env", "readlink", "dirname", "sed", "grep", "head", "stat", "mkdir", "rm", "mv", "uname");

    @TempDir
    static Path tmp;

    private static Path home;
    private static Path tools;

    @BeforeAll
    static void unpack() throws Exception {
        Path bundle;
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            bundle = s.filter(p -> p.getFileName().toString().matches("portcullis-.*\\.tar\\.gz"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            "target/portcullis-<version>.tar.gz missing: `mvn -B verify` builds it in `package`"));
        }
        Path into = Files.createDirectories(tmp.resolve("unpacked"));
        Process tar = new ProcessBuilder("tar", "xzf", bundle.toAbsolutePath().toString(), "-C", into.toString())
                .inheritIO()
                .start();
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

    private record Run(int exit, String out, String err) {}

    private static Run run(Path dir, String path, Map<String, String> extraEnv, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                tools.resolve("bash").toString(), home.resolve("bin/portcullis").toString()));
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
        assertThat(p.waitFor(300, TimeUnit.SECONDS))
                .as("bin/portcullis " + String.join(" ", args) + " finished")
                .isTrue();
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
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
        assertThat(new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim())
                .isEqualTo("none");
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
        assertThat(archives(tmp.resolve("cache"))).singleElement().asString().endsWith(".jsa");
        // and the YANG verdict on the (valid) example policy, so the next validate skips the schema build
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("policy-")))
                    .singleElement()
                    .asString()
                    .endsWith(".ser");
        }
        Run second = run(examples, javaOnlyPath(), Map.of(), "validate");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(second.err()).isEqualTo(first.err()).doesNotContain("cds").doesNotContain("CDS");

        Run broken = run(examples, javaOnlyPath(), Map.of(), "validate", "--policy", "no-such-policy");
        assertThat(broken.exit()).isEqualTo(ExitCodes.ERROR);
    }

    @Test
    void aRecordingCommandMigratesAndReadsTheDatabaseOnThePlainStart() throws Exception {
        // history (like plan, apply, drift) no longer boots Quarkus: the store is opened with Agroal's and Flyway's own
        // APIs, and Flyway must find db/migration inside the packaged application's class loader, not a flat class path
        Path examples = home.resolve("examples");
        Path db = tmp.resolve("history-db");
        String url = io.portcullis.store.DbSettings.h2File(db.resolve("portcullis"));
        Map<String, String> env = Map.of("PORTCULLIS_DB_ENABLED", "true", "PORTCULLIS_DB_URL", url);
        Run empty = run(examples, javaOnlyPath(), env, "history");
        assertThat(empty.exit()).as(empty.err()).isZero();
        assertThat(empty.out()).startsWith("No runs recorded in jdbc:h2:file:");
        assertThat(empty.err()).isEmpty(); // no Flyway or Agroal log line on the CLI's stderr
        assertThat(db.resolve("portcullis.mv.db")).isRegularFile();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                java.sql.ResultSet r = c.createStatement()
                        .executeQuery("SELECT max(installed_rank), bool_and(success) FROM flyway_schema_history")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getInt(1)).as("every migration applied").isGreaterThanOrEqualTo(7);
            assertThat(r.getBoolean(2)).isTrue();
        }
        Run again = run(examples, javaOnlyPath(), env, "history", "--json");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("\"format\"").contains("portcullis-history/");
    }

    private static List<String> archives(Path cache) throws Exception {
        try (Stream<Path> s = Files.list(cache)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("appcds-") || n.startsWith("cds-"))
                    .toList();
        }
    }

    /**
     * The archive is really used: with -Xshare:on (the JVM refuses to start rather than ignore an archive it cannot map)
     * our own classes, loaded by Quarkus' runner class loader, come from it; and the short-run JVM options are there.
     */
    @Test
    void theSecondRunMapsTheArchiveForOurOwnClasses() throws Exception {
        Path examples = home.resolve("examples");
        Path cache = tmp.resolve("cache-used");
        Run first = run(examples, javaOnlyPath(), Map.of("PORTCULLIS_CACHE_DIR", cache.toString()), "validate");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(archives(cache)).hasSize(1);

        Path log = tmp.resolve("class-load.log");
        Run second = run(
                examples,
                javaOnlyPath(),
                Map.of(
                        "PORTCULLIS_CACHE_DIR",
                        cache.toString(),
                        "PORTCULLIS_JAVA_OPTS",
                        "-Xshare:on -Xlog:class+load:file=" + log + " -XX:+PrintCommandLineFlags"),
                "validate");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.err()).isEqualTo(first.err());
        assertThat(second.out())
                .contains("-XX:TieredStopAtLevel=1")
                .contains("-XX:+UseSerialGC")
                .contains("-XX:SharedArchiveFile=")
                .endsWith(first.out());
        List<String> loaded = Files.readAllLines(log);
        for (String ours : List.of(
                "io.portcullis.cli.PortcullisMain",
                "io.portcullis.cli.ValidateCommand",
                "io.portcullis.engine.Workspace")) {
            assertThat(loaded).as(ours).anyMatch(l -> l.contains(" " + ours + " source: shared objects file"));
        }
        assertThat(loaded.stream()
                        .filter(l -> l.contains("source: shared objects file (top)"))
                        .count())
                .as("classes from the dynamic archive")
                .isGreaterThan(500);
    }

    /**
     * The JVM options each kind of command starts with (the JVM's {@code -version} stops it before the command runs, so
     * serve and lab need no database or port here): the commands that work on routers and end get the client compiler
     * only (issue 9: ~30 % less wall for an apply of 1,000 routers on two cores), serve and lab keep the JVM's defaults,
     * and PORTCULLIS_RUN_OPTS replaces the default, empty keeping none.
     */
    @Test
    void routerRunsStartWithTheClientCompilerOnlyAndServeAndLabWithTheJvmDefaults() throws Exception {
        Path examples = home.resolve("examples");
        Map<String, String> flags =
                Map.of("PORTCULLIS_CDS", "off", "PORTCULLIS_JAVA_OPTS", "-XX:+PrintCommandLineFlags -version");
        for (String command : List.of("plan", "apply", "drift", "recover", "history", "counters", "quarantine")) {
            Run r = run(examples, javaOnlyPath(), flags, command);
            assertThat(r.out()).as(command).contains("-XX:TieredStopAtLevel=1").doesNotContain("-XX:+UseSerialGC");
        }
        for (String command : List.of("serve", "lab")) {
            Run r = run(examples, javaOnlyPath(), flags, command);
            assertThat(r.out())
                    .as(command)
                    .contains("-XX:+PrintCommandLineFlags")
                    .doesNotContain("TieredStopAtLevel");
        }
        Map<String, String> none = new java.util.HashMap<>(flags);
        none.put("PORTCULLIS_RUN_OPTS", "");
        assertThat(run(examples, javaOnlyPath(), none, "apply").out()).doesNotContain("TieredStopAtLevel");
        none.put("PORTCULLIS_RUN_OPTS", "-XX:CICompilerCount=2");
        assertThat(run(examples, javaOnlyPath(), none, "apply").out())
                .contains("-XX:CICompilerCount=2")
                .doesNotContain("TieredStopAtLevel");
    }

    /**
     * An archive written by an offline command (validate) lacks the SSH and NETCONF classes plan loads before it reaches
     * a router; the first plan after it writes a full archive in its place, once, and every command maps that one.
     */
    @Test
    void theFirstPlanAfterAnOfflineArchiveWritesAFullOneOnce() throws Exception {
        Path examples = home.resolve("examples");
        Path cache = tmp.resolve("cache-full");
        Map<String, String> env = Map.of("PORTCULLIS_CACHE_DIR", cache.toString());
        assertThat(run(examples, javaOnlyPath(), env, "validate").exit()).isZero();
        assertThat(archives(cache)).singleElement().asString().contains("-offline-");

        // a router nobody listens for: plan loads the SSH client and fails to connect, at once
        Path inventory = Files.createDirectories(tmp.resolve("refused-inventory"));
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        for (String f : List.of("hosts.yaml", "groups.yaml", "defaults.yaml", "known_hosts")) {
            Files.writeString(
                    inventory.resolve(f),
                    Files.readString(examples.resolve("inventory").resolve(f))
                            .replaceAll("hostname: [0-9.]+", "hostname: 127.0.0.1")
                            .replace("port: 830", "port: " + closed));
        }
        Map<String, String> planEnv =
                Map.of("PORTCULLIS_CACHE_DIR", cache.toString(), "PORTCULLIS_BNG_PASSWORD", "Refused-Sentinel-1");
        Run plan = run(
                examples,
                javaOnlyPath(),
                planEnv,
                "plan",
                "--inventory",
                inventory.toString(),
                "--limit",
                "bng-tor-01");
        assertThat(plan.exit()).as(plan.out() + plan.err()).isEqualTo(ExitCodes.ERROR);
        assertThat(archives(cache)).singleElement().asString().contains("-full-");
        String full = archives(cache).get(0);

        // from now on every command maps the full archive, and nothing writes another
        Path log = tmp.resolve("class-load-full.log");
        Run again = run(
                examples,
                javaOnlyPath(),
                Map.of(
                        "PORTCULLIS_CACHE_DIR",
                        cache.toString(),
                        "PORTCULLIS_BNG_PASSWORD",
                        "Refused-Sentinel-1",
                        "PORTCULLIS_JAVA_OPTS",
                        "-Xshare:on -Xlog:class+load:file=" + log),
                "plan",
                "--inventory",
                inventory.toString(),
                "--limit",
                "bng-tor-01");
        assertThat(again.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(Files.readAllLines(log))
                .as("the SSH client from the archive")
                .anyMatch(l -> l.contains(" org.apache.sshd.client.SshClient source: shared objects file"));
        assertThat(run(examples, javaOnlyPath(), env, "validate").exit()).isZero();
        assertThat(archives(cache)).containsExactly(full);
    }

    /** A cache the launcher cannot write, a damaged or a foreign archive: the same answer, only slower. */
    @Test
    void noCacheOrABadArchiveOnlyCostsTime() throws Exception {
        Path examples = home.resolve("examples");
        Path cache = tmp.resolve("cache-bad");
        Run reference = run(examples, javaOnlyPath(), Map.of("PORTCULLIS_CACHE_DIR", cache.toString()), "validate");
        assertThat(reference.exit()).as(reference.err()).isZero();

        Path notADirectory = Files.writeString(tmp.resolve("a-file"), "x");
        Run unwritable = run(
                examples,
                javaOnlyPath(),
                Map.of("PORTCULLIS_CACHE_DIR", notADirectory.resolve("cache").toString()),
                "validate");
        assertThat(unwritable.exit()).isZero();
        assertThat(unwritable.out()).isEqualTo(reference.out());
        assertThat(unwritable.err()).isEqualTo(reference.err());

        Path archive = cache.resolve(archives(cache).get(0));
        byte[] whole = Files.readAllBytes(archive);
        archive.toFile().setWritable(true);
        // same size, garbage inside: the JVM ignores it (-Xshare:auto), silently
        byte[] garbage = new byte[whole.length];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(archive, garbage);
        Run foreign = run(examples, javaOnlyPath(), Map.of("PORTCULLIS_CACHE_DIR", cache.toString()), "validate");
        assertThat(foreign.exit()).as(foreign.err()).isZero();
        assertThat(foreign.out()).isEqualTo(reference.out());
        assertThat(foreign.err()).isEqualTo(reference.err());

        // cut short (the JVM would die of SIGBUS mapping it): removed, the command runs, a good archive is written
        // again
        Files.write(archive, java.util.Arrays.copyOf(whole, whole.length / 4));
        Run cut = run(examples, javaOnlyPath(), Map.of("PORTCULLIS_CACHE_DIR", cache.toString()), "validate");
        assertThat(cut.exit()).as(cut.err()).isZero();
        assertThat(cut.out()).isEqualTo(reference.out());
        assertThat(cut.err()).isEqualTo(reference.err());
        assertThat(archives(cache)).hasSize(1);
        Path rewritten = cache.resolve(archives(cache).get(0));
        assertThat(rewritten.getFileName().toString()).endsWith("-" + Files.size(rewritten) + ".jsa");
        try (Stream<Path> s = Files.list(examples)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err"));
        }
        Run again = run(
                examples,
                javaOnlyPath(),
                Map.of("PORTCULLIS_CACHE_DIR", cache.toString(), "PORTCULLIS_JAVA_OPTS", "-Xshare:on"),
                "validate");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).isEqualTo(reference.out());
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
        Run tooOld = run(
                home,
                tools.toString(),
                Map.of("JAVA_HOME", tmp.resolve("jdk-11").toString()),
                "validate");
        assertThat(tooOld.exit()).isEqualTo(127);
        assertThat(tooOld.err()).contains("Java 17 or newer is needed").contains("11.0.22");
        assertThat(tooOld.out()).doesNotContain("should-not-run");
    }
}
