package io.portcullis.guard;

import io.portcullis.engine.memory.RouterLocks;
import io.portcullis.engine.memory.RouterMemory.MemoryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * {@link RouterLocks} across the processes of one host: a file per router in a directory beside the embedded H2
 * database ({@link H2LockDirectory}), held with an operating-system file lock while the router's transaction runs.
 *
 * <p>Why not a row in {@code pcl_router_lock}, as on PostgreSQL: every process that opens an embedded H2 file runs
 * on the host that holds it (AUTO_SERVER lets a second process in through the first one's port on this host), so the
 * host's own locks are enough, and they cost the run almost nothing where a row costs an insert, a read, renewals and
 * a delete in a database engine running cold inside the CLI's own JVM (issue 9's recording overhead,
 * docs/benchmarks.md). And the operating system drops the lock when its process ends however it ends, so a run
 * killed with -9 leaves nothing for the next one to wait out (a row lives for its two-minute ttl).
 *
 * <p>A file is never deleted: one deleted while a process holds it would let a second process lock a new file of the
 * same name, and both would hold the router. The holder writes its run id and actor into it, so a run that waits or is
 * refused can say who it waits for; the content is cleared again on release.
 *
 * <p>Threads of this JVM first queue on the in-process lock: only one of them at a time opens a router's file, which
 * also matters because closing any channel of a file drops every lock this JVM holds on it.
 */
public final class FileRouterLocks implements RouterLocks {
    /** Longest actor text written into a lock file (the database keeps the same). */
    private static final int MAX_ACTOR = 400;

    private final Path dir;

    /** @throws MemoryException when the directory cannot be created (one sentence, naming it) */
    public FileRouterLocks(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new MemoryException(
                    "cannot create the router lock directory " + dir + " ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    e);
        }
    }

    public Path dir() {
        return dir;
    }

    @Override
    public Lease acquire(String key, Holder me, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Lease local = RouterLocks.inProcess().acquire(key, me, wait);
        try {
            Path file = dir.resolve(fileName(key));
            while (true) {
                FileChannel channel = open(file, key);
                FileLock lock;
                Holder other;
                try {
                    lock = channel.tryLock();
                    if (lock != null) {
                        write(channel, me);
                        return new FileLease(channel, lock, local);
                    }
                    other = read(channel);
                } catch (IOException | RuntimeException e) {
                    closeQuietly(channel);
                    throw failure("take the lock of " + key + " in " + file, e);
                }
                closeQuietly(channel);
                LockWait.pauseOrRefuse(deadline, key, other);
            }
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }

    /** A held router: releasing clears the holder text, drops the OS lock, then this JVM's. */
    private static final class FileLease extends SharedLease {
        private final FileChannel channel;
        private final FileLock lock;

        FileLease(FileChannel channel, FileLock lock, Lease local) {
            super(local);
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        protected void releaseShared() {
            try {
                channel.truncate(0); // a stale holder never shows in a later refusal
                lock.release();
            } catch (IOException e) {
                // closing the channel below drops the lock all the same
            } finally {
                closeQuietly(channel);
            }
        }
    }

    /**
     * A file name for the key (host:port, as {@link RouterLocks#key} builds it): its readable part, with anything a file
     * system might refuse replaced, and a digest of the whole key so that two keys never share a file ("[::1]:830"
     * against "__1_:830").
     */
    static String fileName(String key) {
        String readable = key.replaceAll("[^A-Za-z0-9._-]", "_");
        if (readable.length() > 120) {
            readable = readable.substring(0, 120);
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return readable + "-" + HexFormat.of().formatHex(d, 0, 6) + ".lock";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static FileChannel open(Path file, String key) {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw failure("open the lock file of " + key + " (" + file + ")", e);
        }
    }

    /** One line: run id, a tab, the actor (tabs and line breaks in it become spaces). */
    private static void write(FileChannel channel, Holder me) throws IOException {
        String actor = me.actor() == null ? "-" : me.actor().replaceAll("[\\t\\r\\n]", " ");
        if (actor.length() > MAX_ACTOR) {
            actor = actor.substring(0, MAX_ACTOR);
        }
        channel.truncate(0);
        ByteBuffer text = ByteBuffer.wrap((me.runId() + "\t" + actor + "\n").getBytes(StandardCharsets.UTF_8));
        while (text.hasRemaining()) {
            channel.write(text, text.position());
        }
    }

    /** Who holds the file; a holder that has not written yet (or a text cut short) is named as unknown. */
    private static Holder read(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1024);
        while (buf.hasRemaining() && channel.read(buf, buf.position()) > 0) {
            // read until the end of the file or of the buffer
        }
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        int tab = text.indexOf('\t');
        int end = text.indexOf('\n');
        if (tab < 1 || end < tab) {
            return new Holder("(a run that has not said which yet)", "-");
        }
        return new Holder(text.substring(0, tab), text.substring(tab + 1, end));
    }

    private static MemoryException failure(String what, Exception e) {
        return new MemoryException(
                "could not " + what + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written that a later run needs
        }
    }
}
