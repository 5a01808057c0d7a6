package io.portcullis.guard;

import io.portcullis.engine.memory.RouterLocks;
import io.portcullis.engine.memory.RouterMemory.MemoryException;
import io.portcullis.store.DbSettings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * {@link RouterLocks} across processes on PostgreSQL: a session-level advisory lock per held router, in a database
 * session of the run's own ({@link AdvisoryLockSession}), instead of a row in {@code pcl_router_lock}.
 *
 * <p>Why: a row cost an insert, a read, a delete and renewals per router, with their index entries, WAL and dead rows
 * to vacuum; on the lab server those statements were 60 % of the time PostgreSQL spent executing a recorded apply's
 * statements (pg_stat_statements, docs/benchmarks.md, issue 9). An advisory lock lives in the server's shared memory
 * and writes nothing. And it goes when its session goes, however the process ended: a run killed with -9 leaves
 * nothing for the next one to wait out, where a row lived for its two-minute ttl.
 *
 * <p>The lock key is a 63-bit hash of the session's schema and the router's address ({@link #keyOf}), so two
 * installations in different schemas of one database keep apart as their tables do. A run asks through its own
 * session (named after it, so a refused run can say who holds the router): the service runs remediation and API
 * applies side by side, and each must be refused by the other's locks. A session idle for {@link #IDLE} is closed.
 *
 * <p>Threads of this JVM first queue on the in-process lock. Releases are sent together, {@link #RELEASE_BATCH}
 * after the first (the in-process lock is released at once); a run of this JVM taking a router whose unlock is still
 * waiting sends it first.
 *
 * <p>Limits: the session must be a real one, so a pgbouncer in between must pool by session, not by transaction. Every
 * process sharing the database must lock this way; migration V12 keeps older versions, which lock with rows, off a
 * database this version has used.
 */
public final class AdvisoryRouterLocks implements SharedRouterLocks {
    static final Duration RELEASE_BATCH = Duration.ofMillis(20);
    /** How often held sessions are checked (and taken again after a lost connection), and idle ones looked for. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(20);
    /** A run's session that held nothing this long is closed (the service's runs come and go). */
    static final Duration IDLE = Duration.ofSeconds(60);
    /**
     * After the database failed a lock, how long runs go on with this JVM's locks without asking it again: a cut
     * network costs a connect timeout per try, and an apply asks 1,000 times.
     */
    static final Duration AWAY_BACKOFF = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(AdvisoryRouterLocks.class);

    private final DbSettings settings;
    private final String where;
    private final Map<String, AdvisoryLockSession> sessions = new ConcurrentHashMap<>();
    /** {@link System#nanoTime} until which the database is taken as away (see {@link #AWAY_BACKOFF}). */
    private volatile long awayUntil = System.nanoTime();

    private volatile boolean away;
    private final ScheduledExecutorService chores = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "portcullis-router-locks");
        t.setDaemon(true);
        return t;
    });

    private final Duration idle;
    /** The next batch of unlocks, {@link #RELEASE_BATCH} after the first release since the last one. */
    private final SoonOnce unlocks = new SoonOnce(chores, RELEASE_BATCH, this::sendUnlocks);

    public AdvisoryRouterLocks(DbSettings settings, String where) {
        this(settings, where, CHECK_EVERY, IDLE);
    }

    /** With other periods than the defaults (tests). */
    AdvisoryRouterLocks(DbSettings settings, String where, Duration checkEvery, Duration idle) {
        this.settings = settings;
        this.where = where;
        this.idle = idle;
        chores.scheduleWithFixedDelay(
                this::checkSessions, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Lease acquire(String key, Holder me, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Lease local = RouterLocks.inProcess().acquire(key, me, wait);
        try {
            if (away && System.nanoTime() < awayUntil) {
                return local;
            }
            while (true) {
                AdvisoryLockSession session;
                long k;
                Holder other;
                try {
                    session = session(me);
                    k = keyOf(session.schema(), key);
                    sendWaitingUnlock(k);
                    other = session.tryLock(k, key);
                } catch (MemoryException databaseAway) {
                    return goOnWithout(local, databaseAway);
                }
                away = false;
                if (other == null) {
                    return lease(session, k, local);
                }
                if (other == AdvisoryLockSession.CLOSED) {
                    continue; // closed for idleness just now: the run's next session asks
                }
                LockWait.pauseOrRefuse(deadline, key, other);
            }
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }

    /**
     * The database went away mid-run (a recording failure never stops a run, and a process that cannot reach the
     * database refuses to start applying at all): this JVM's lock still holds.
     */
    private Lease goOnWithout(Lease local, MemoryException why) {
        awayUntil = System.nanoTime() + AWAY_BACKOFF.toNanos();
        if (!away) {
            away = true;
            LOG.warnf(
                    "router locks are held in this process only until the database answers again: %s",
                    why.getMessage());
        }
        return local;
    }

    private Lease lease(AdvisoryLockSession session, long k, Lease local) {
        return new SharedLease(local) {
            @Override
            protected void releaseShared() {
                session.releaseLater(k);
                unlocks.request();
            }
        };
    }

    /** The run's session, opened on its first router (and again after one was closed for idleness). */
    private AdvisoryLockSession session(Holder me) {
        AdvisoryLockSession s = sessions.get(me.runId());
        if (s != null && !s.isClosed()) {
            return s;
        }
        synchronized (sessions) {
            return sessions.compute(
                    me.runId(),
                    (id, old) -> old == null || old.isClosed() ? new AdvisoryLockSession(settings, where, me) : old);
        }
    }

    /** A router another run of this JVM released a moment ago: its unlock is sent now rather than waited for. */
    private void sendWaitingUnlock(long k) {
        for (AdvisoryLockSession s : sessions.values()) {
            if (s.releasing(k)) {
                s.sendUnlocks();
            }
        }
    }

    private void sendUnlocks() {
        sessions.values().forEach(AdvisoryLockSession::sendUnlocks);
    }

    /** Runs every {@code checkEvery}: closes idle sessions, checks the others (see {@link AdvisoryLockSession#check}). */
    void checkSessions() {
        for (Map.Entry<String, AdvisoryLockSession> e : sessions.entrySet()) {
            AdvisoryLockSession s = e.getValue();
            if (s.closeIfIdle(idle.toNanos())) {
                sessions.remove(e.getKey(), s); // a run asking again meanwhile got, or gets, a new one
            } else {
                s.check();
            }
        }
    }

    /** How many runs have a session open now. */
    int openSessions() {
        return sessions.size();
    }

    /**
     * The advisory lock key of a router: the first 63 bits of SHA-256 over the schema and the lock key (never negative,
     * so {@link AdvisoryLockSession}'s reading of {@code pg_locks} can add its halves back up).
     */
    static long keyOf(String schema, String lockKey) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(("portcullis router lock\n" + schema + "\n" + lockKey).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(h).getLong() & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** Sends the waiting unlocks and ends every session (the server drops what they still hold). */
    @Override
    public void close() {
        chores.shutdown();
        try {
            chores.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (sessions) {
            sessions.values().forEach(AdvisoryLockSession::close);
            sessions.clear();
        }
    }
}
