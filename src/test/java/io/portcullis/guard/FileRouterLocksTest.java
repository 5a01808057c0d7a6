package io.portcullis.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.engine.memory.RouterLocks;
import io.portcullis.engine.memory.RouterMemory;
import io.portcullis.store.DbSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Router locks of an embedded H2 database as OS file locks, with a real second JVM holding them ({@link
 * LockHolderProcess}): it refuses with the holder's run and actor, lets the router go when it releases, and when it is
 * killed with -9 the router is free at once (a lock row would have lived on for its two-minute ttl).
 */
class FileRouterLocksTest {
    private static final RouterLocks.Holder ALICE = new RouterLocks.Holder("run-of-alice", "alice");

    @TempDir
    Path tmp;

    @Test
    void anotherProcessHoldingTheRouterRefusesWithItsRunAndActorAndReleasingLetsTheWaiterIn() throws Exception {
        FileRouterLocks locks = new FileRouterLocks(tmp.resolve("db.router-locks"));
        Process bob = holder(locks.dir(), "10.0.0.1:830", "run-of-bob", "bob the\tbuilder");
        try {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> locks.acquire("10.0.0.1:830", ALICE, Duration.ofMillis(600)))
                    .isInstanceOf(RouterLocks.RouterBusy.class)
                    .hasMessage(
                            "another Portcullis run holds this router (10.0.0.1:830: run run-of-bob, actor bob the builder)");
            assertThat(Duration.ofNanos(System.nanoTime() - t0))
                    .as("waited before refusing")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(500));
            // another router is free meanwhile
            locks.acquire("10.0.0.2:830", ALICE, Duration.ZERO).close();
            // a waiter gets the router once bob releases it, and the file names alice then
            say(bob, "release");
            try (RouterLocks.Lease mine = locks.acquire("10.0.0.1:830", ALICE, Duration.ofSeconds(10))) {
                assertThat(Files.readString(locks.dir().resolve(FileRouterLocks.fileName("10.0.0.1:830"))))
                        .isEqualTo("run-of-alice\talice\n");
            }
            assertThat(bob.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.size(locks.dir().resolve(FileRouterLocks.fileName("10.0.0.1:830"))))
                    .as("a released file names nobody")
                    .isZero();
        } finally {
            bob.destroyForcibly();
        }
    }

    @Test
    void aHolderKilledWithSigkillLeavesTheRouterFreeAtOnce() throws Exception {
        FileRouterLocks locks = new FileRouterLocks(tmp.resolve("db.router-locks"));
        Process bob = holder(locks.dir(), "10.0.0.3:830", "run-of-bob", "bob");
        assertThatThrownBy(() -> locks.acquire("10.0.0.3:830", ALICE, Duration.ZERO))
                .isInstanceOf(RouterLocks.RouterBusy.class);
        bob.destroyForcibly(); // SIGKILL: no release, no shutdown hook
        assertThat(bob.waitFor(10, TimeUnit.SECONDS)).isTrue();
        try (RouterLocks.Lease mine = locks.acquire("10.0.0.3:830", ALICE, Duration.ZERO)) {
            assertThat(mine).isNotNull();
        }
    }

    @Test
    void anEmbeddedH2FileGetsLockFilesBesideItAndH2ServersAndMemoryLockRows() throws Exception {
        DbSettings h2 =
                new DbSettings(true, DbSettings.h2File(tmp.resolve("state").resolve("portcullis")), "", "", null);
        try (Guards.Opened g = Guards.open(h2, "alice")) {
            assertThat(g.sharedLocks()).as("no lock rows").isNull();
            g.guard().locks().acquire("10.0.0.4:830", ALICE, Duration.ZERO).close();
            assertThat(tmp.resolve("state")
                            .resolve("portcullis.router-locks")
                            .resolve(FileRouterLocks.fileName("10.0.0.4:830")))
                    .exists();
        }
        DbSettings memory = new DbSettings(
                true,
                "jdbc:h2:mem:locks-" + System.nanoTime()
                        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "",
                "",
                null);
        try (Guards.Opened g = Guards.open(memory, "alice")) {
            assertThat(g.sharedLocks()).as("lock rows").isInstanceOf(DatabaseRouterLocks.class);
        }
        assertThat(H2LockDirectory.of(DbSettings.DEFAULT_URL))
                .contains(Path.of(".portcullis", "state", "portcullis.router-locks"));
        assertThat(H2LockDirectory.of("jdbc:h2:~/pc/db;AUTO_SERVER=TRUE"))
                .contains(Path.of(System.getProperty("user.home"), "pc", "db.router-locks"));
        assertThat(H2LockDirectory.of("jdbc:h2:/var/lib/portcullis/db"))
                .contains(Path.of("/var/lib/portcullis/db.router-locks"));
        for (String shared : List.of(
                "jdbc:h2:tcp://db.example.net/~/portcullis",
                "jdbc:h2:ssl://db.example.net/portcullis",
                "jdbc:h2:mem:x",
                "jdbc:h2:zip:/backups/db.zip!/portcullis",
                "jdbc:postgresql://db/portcullis")) {
            assertThat(H2LockDirectory.of(shared)).as(shared).isEmpty();
        }
    }

    @Test
    void keysThatLookAlikeGetFilesOfTheirOwn() {
        assertThat(FileRouterLocks.fileName("[::1]:830")).isNotEqualTo(FileRouterLocks.fileName("__1_:830"));
        assertThat(FileRouterLocks.fileName("[::1]:830")).matches("[A-Za-z0-9._-]+\\.lock");
    }

    @Test
    void aLockDirectoryThatCannotBeMadeIsOneSentenceNamingIt() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> new FileRouterLocks(file.resolve("locks")))
                .isInstanceOf(RouterMemory.MemoryException.class)
                .hasMessageStartingWith("cannot create the router lock directory " + file.resolve("locks"));
    }

    private static Process holder(Path dir, String key, String run, String actor) throws Exception {
        return LockHolderProcess.start(dir.toString(), key, run, actor, null);
    }

    private static void say(Process p, String line) throws Exception {
        LockHolderProcess.say(p, line);
    }
}
