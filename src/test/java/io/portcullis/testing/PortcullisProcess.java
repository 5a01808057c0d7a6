package io.portcullis.testing;

import io.portcullis.store.DbSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the packaged application ({@code target/quarkus-app/quarkus-run.jar}) as a real process, the way an operator
 * runs {@code portcullis}: one JVM per command ({@code serve}, {@code apply}, {@code plan}…), pointed at one database
 * (the password by file, never on the command line), output to a log file. Shared by {@code TwoReplicasTest} and the soak.
 */
public final class PortcullisProcess {
    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final DbSettings db;
    private final Path dbPasswordFile;
    private final Path logs;
    private final List<String> jvmOptions;

    /**
     * @param db         the database every process records to
     * @param workDir    where the database password file is written (0600)
     * @param logs       directory of the per-process logs ({@code NAME.log})
     * @param jvmOptions e.g. {@code -Xmx256m}
     */
    public PortcullisProcess(DbSettings db, Path workDir, Path logs, List<String> jvmOptions) throws IOException {
        this.db = db;
        this.logs = logs;
        this.jvmOptions = List.copyOf(jvmOptions);
        Files.createDirectories(logs);
        Files.createDirectories(workDir);
        dbPasswordFile = workDir.resolve("db-password");
        Files.deleteIfExists(dbPasswordFile);
        Files.createFile(
                dbPasswordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(dbPasswordFile, db.password());
    }

    public static boolean packaged() {
        return Files.isRegularFile(JAR);
    }

    /** Starts {@code portcullis ARGS} with extra system properties ({@code -Dk=v}) and JVM options; output to {@code logs/NAME.log}. */
    public Process start(String logName, List<String> args, List<String> props, List<String> extraJvmOptions)
            throws IOException {
        List<String> cmd = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(extraJvmOptions);
        cmd.addAll(List.of(
                "-Dportcullis.db.url=" + db.url(),
                "-Dportcullis.db.username=" + db.username(),
                "-Dportcullis.db.password-file=" + dbPasswordFile));
        cmd.addAll(props);
        cmd.addAll(List.of("-jar", JAR.toString()));
        cmd.addAll(args);
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log(logName).toFile())
                .start();
    }

    public Process start(String logName, List<String> args, List<String> props) throws IOException {
        return start(logName, args, props, List.of());
    }

    public Path log(String logName) {
        return logs.resolve(logName + ".log");
    }
}
