package io.portcullis.guard;

import io.portcullis.engine.memory.RouterGuard;
import io.portcullis.engine.memory.RouterLocks;
import io.portcullis.engine.memory.RouterMemory;
import io.portcullis.store.DbSettings;
import io.portcullis.store.StoreException;
import io.portcullis.store.StoreOpener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the router guard lives for a command or the service: in the run-history database when recording is on
 * (quirks, quarantine and the router locks shared by every process using that database: on PostgreSQL
 * {@link AdvisoryRouterLocks}, for an embedded H2 file, whose users all run on this host, {@link FileRouterLocks}
 * beside it, for an H2 server or in-memory URL rows, {@link DatabaseRouterLocks}), else quirks and
 * quarantine in {@code <state dir>/routers.json} ({@code portcullis.state-dir}, default {@code .portcullis/state})
 * and the locks of this JVM only.
 */
public final class Guards {
    /** How long a held router lock row lives without being renewed (its holder renews it every third of this). */
    public static final Duration LOCK_TTL = Duration.ofMinutes(2);

    private Guards() {}

    /** An opened guard and what to close when done. */
    public record Opened(RouterGuard guard, String where, AutoCloseable owner, SharedRouterLocks sharedLocks)
            implements AutoCloseable {
        @Override
        public void close() {
            if (sharedLocks != null) {
                sharedLocks.close();
            }
            closeQuietly(owner);
        }
    }

    /**
     * @throws RouterMemory.MemoryException when recording is on and the database cannot be opened (one sentence): a run
     *         must not touch routers without knowing which are quarantined and without their locks
     */
    public static Opened open(DbSettings settings, String actor) {
        if (!settings.enabled()) {
            FileRouterMemory file = new FileRouterMemory(stateDir().resolve("routers.json"));
            return new Opened(
                    new RouterGuard(file, RouterLocks.inProcess(), actor, lockWait(), false),
                    file.file().toString(),
                    null,
                    null);
        }
        StoreOpener.Database db;
        try {
            db = StoreOpener.database(settings);
        } catch (StoreException e) {
            throw new RouterMemory.MemoryException(e.getMessage(), e);
        }
        Optional<Path> lockFiles = H2LockDirectory.of(settings.url()); // empty unless an embedded H2 file
        SharedRouterLocks shared = null;
        RouterLocks locks;
        if (lockFiles.isPresent()) {
            try {
                locks = new FileRouterLocks(lockFiles.get());
            } catch (RouterMemory.MemoryException e) {
                closeQuietly(db.owner());
                throw e;
            }
        } else if (settings.kind() == DbSettings.Kind.POSTGRESQL) {
            locks = shared = new AdvisoryRouterLocks(settings, db.where());
        } else {
            locks = shared = new DatabaseRouterLocks(db.dataSource(), db.where(), LOCK_TTL); // H2 server, in memory
        }
        RouterGuard g =
                new RouterGuard(new DatabaseRouterMemory(db.dataSource(), db.where()), locks, actor, lockWait(), false);
        return new Opened(g, db.where(), db.owner(), shared);
    }

    private static void closeQuietly(AutoCloseable owner) {
        if (owner != null) {
            try {
                owner.close();
            } catch (Exception e) {
                // a pool that does not close cleanly (at the end of a command, or of an open that failed) loses nothing
            }
        }
    }

    /** {@code portcullis.state-dir}: system property, then configuration, default {@code .portcullis/state}. */
    public static Path stateDir() {
        return setting("portcullis.state-dir").map(Path::of).orElse(Path.of(".portcullis", "state"));
    }

    /** {@code portcullis.router-lock-wait} (seconds, or an age such as 2m): how long a run waits for a router another run holds. */
    public static Duration lockWait() {
        return setting("portcullis.router-lock-wait")
                .map(v -> v.trim().matches("\\d+")
                        ? Duration.ofSeconds(Long.parseLong(v.trim()))
                        : DbSettings.parseAge(v))
                .orElse(RouterGuard.DEFAULT_LOCK_WAIT);
    }

    private static Optional<String> setting(String key) {
        String sys = System.getProperty(key);
        if (sys != null && !sys.isBlank()) {
            return Optional.of(sys);
        }
        try {
            return ConfigProvider.getConfig()
                    .getOptionalValue(key, String.class)
                    .filter(v -> !v.isBlank());
        } catch (IllegalStateException noConfig) {
            return Optional.empty();
        }
    }
}
