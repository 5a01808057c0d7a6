package io.portcullis.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.engine.memory.RouterLocks;
import io.portcullis.store.DbSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Another Portcullis process, for {@link FileRouterLocksTest} and {@link AdvisoryRouterLocksTest}: takes one router's
 * lock (args: a lock directory or a PostgreSQL URL, key, run id, actor; waiting up to 30 s), prints "held", holds it
 * until its standard input says "release" or closes, then prints "released". A test may also kill it with the lock
 * held. The database's user and password come in the environment ({@code LOCK_DB_USER}, {@code LOCK_DB_PASSWORD}),
 * never on the command line.
 */
public final class LockHolderProcess {
    private LockHolderProcess() {}

    public static void main(String[] args) throws Exception {
        RouterLocks locks = args[0].startsWith("jdbc:")
                ? new AdvisoryRouterLocks(
                        new DbSettings(
                                true, args[0], System.getenv("LOCK_DB_USER"), System.getenv("LOCK_DB_PASSWORD"), null),
                        "the lab PostgreSQL")
                : new FileRouterLocks(Path.of(args[0]));
        RouterLocks.Lease lease =
                locks.acquire(args[1], new RouterLocks.Holder(args[2], args[3]), Duration.ofSeconds(30));
        System.out.println("held");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("release")) {
            // wait for the word
        }
        lease.close();
        if (locks instanceof SharedRouterLocks shared) {
            shared.close(); // sends the unlock batched after the release
        }
        System.out.println("released");
        System.out.flush();
    }

    /** Starts the process and waits for it to hold {@code key}; {@code db} gives the login for a PostgreSQL URL. */
    static Process start(String where, String key, String run, String actor, DbSettings db) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder b = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        LockHolderProcess.class.getName(),
                        where,
                        key,
                        run,
                        actor)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        if (db != null) {
            b.environment().put("LOCK_DB_USER", db.username());
            b.environment().put("LOCK_DB_PASSWORD", db.password());
        }
        Process p = b.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("the other process holds " + key).isEqualTo("held");
        return p;
    }

    /** Writes one line to the process's standard input. */
    static void say(Process p, String line) throws Exception {
        OutputStream in = p.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }
}
