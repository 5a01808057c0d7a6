package io.portcullis.guard;

import io.portcullis.engine.memory.RouterLocks.Holder;
import io.portcullis.engine.memory.RouterMemory.MemoryException;
import io.portcullis.store.DbSettings;
import io.portcullis.store.DedicatedSession;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The PostgreSQL session in which one run holds its routers' advisory locks ({@link AdvisoryRouterLocks}): a
 * {@link DedicatedSession} (outside the pool, server-side keepalives), named after the run in {@code application_name}
 * so that a refused run can say who holds the router.
 *
 * <p>The threads of a parallel apply ask together; the first to reach the connection answers every request queued
 * by then with one statement (one round trip for a wave of 100 routers, as {@link LockRowInserts} does for rows).
 *
 * <p>Session-level advisory locks go when the session goes. If the connection breaks while the run still holds
 * routers (the server restarted, an administrator ended the backend, the network was cut), the next use reconnects
 * and takes the held locks again at once; a router another run took in between is logged by name and holder, since
 * that run and this one may now both be changing it.
 */
final class AdvisoryLockSession implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AdvisoryLockSession.class);

    /** {@code application_name} of every lock session starts with this, then the run id and the actor. */
    static final String NAME_PREFIX = "portcullis ";

    private static final String TRY = "SELECT t.k, pg_try_advisory_lock(t.k) FROM unnest(?) AS t(k)";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(t.k) FROM unnest(?) AS t(k)";

    /**
     * Who holds each of the keys: the advisory locks granted to other sessions of this database (a bigint key is kept
     * as classid, its high half, and objid, its low half, with objsubid 1; keys are never negative, so the sum fits).
     */
    private static final String HOLDERS = """
            SELECT l.classid::bigint * 4294967296 + l.objid::bigint, l.pid, a.application_name
              FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
             WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.pid <> pg_backend_pid()
               AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND l.classid::bigint * 4294967296 + l.objid::bigint = ANY (?)""";

    private final DbSettings settings;
    private final String where;
    private final Holder run;

    /** One statement at a time on the connection; whoever holds this answers every queued request. */
    private final ReentrantLock wire = new ReentrantLock();

    private final Queue<Attempt> waiting = new ConcurrentLinkedQueue<>();

    /** Keys this run holds now → the lock key (router address) each stands for, for messages. */
    private final Map<Long, String> held = new ConcurrentHashMap<>();

    /** Released keys whose unlock has not been sent yet. */
    private final Set<Long> releasing = ConcurrentHashMap.newKeySet();

    /** What {@link #tryLock} answers once the session was closed for idleness: ask the run's new session. */
    static final Holder CLOSED = new Holder("(session closed)", "-");

    private Connection connection; // guarded by wire
    private volatile boolean closed; // set under the wire, read without it
    private volatile String schema; // the session's current schema, which names the lock keys
    private volatile long idleSince = System.nanoTime();

    private record Attempt(long key, String lockKey, CompletableFuture<Holder> answer) {}

    /** Opens the session at once, so that a run that cannot reach the database finds out before it asks. */
    AdvisoryLockSession(DbSettings settings, String where, Holder run) {
        this.settings = settings;
        this.where = where;
        this.run = run;
        wire.lock();
        try {
            connect();
        } finally {
            wire.unlock();
        }
    }

    /** The schema of the session ({@code current_schema()}): runs on other schemas of the database never collide. */
    String schema() {
        return schema;
    }

    /**
     * Null when this session now holds {@code key}; else who holds it, or {@link #CLOSED}.
     *
     * @throws MemoryException the database cannot be used (one sentence, naming it)
     */
    Holder tryLock(long key, String lockKey) {
        Attempt a = new Attempt(key, lockKey, new CompletableFuture<>());
        waiting.add(a);
        wire.lock();
        try {
            if (!a.answer().isDone()) {
                answerWaiting();
            }
        } finally {
            wire.unlock();
        }
        return LockWait.answer(a.answer(), lockKey, where);
    }

    /** Marks {@code key} released; its unlock goes with the next {@link #sendUnlocks}. */
    void releaseLater(long key) {
        held.remove(key);
        releasing.add(key);
        if (held.isEmpty()) {
            idleSince = System.nanoTime();
        }
    }

    /** Whether {@code key} was released but its unlock not sent yet. */
    boolean releasing(long key) {
        return releasing.contains(key);
    }

    /** Sends the unlocks of every released key at once. */
    void sendUnlocks() {
        wire.lock();
        try {
            unlockReleased();
        } finally {
            wire.unlock();
        }
    }

    /**
     * Closes the session if it held nothing for {@code nanos}, decided under the wire so that no try is answered
     * meanwhile; true when it did.
     */
    boolean closeIfIdle(long nanos) {
        wire.lock();
        try {
            if (!held.isEmpty() || !releasing.isEmpty() || System.nanoTime() - idleSince <= nanos) {
                return false;
            }
            closed = true;
            dropConnection();
            return true;
        } finally {
            wire.unlock();
        }
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Checks the connection while routers are held, and when it broke reconnects and takes them again (see the class
     * comment); a database that cannot be reached is tried again at the next check or use.
     */
    void check() {
        if (held.isEmpty()) {
            return;
        }
        wire.lock();
        try {
            if (connection != null && connection.isValid(5)) {
                return;
            }
            connect();
        } catch (SQLException | MemoryException e) {
            LOG.warnf(
                    "run %s holds %d routers but cannot reach the database %s for their locks (%s); the server ends"
                            + " a session it no longer hears from within ~11 s, and with it those locks; they are taken"
                            + " again as soon as the database answers",
                    run.runId(), held.size(), where, e.getMessage());
        } finally {
            wire.unlock();
        }
    }

    /** Runs under {@link #wire}: unlocks what was released, then answers every queued request with one statement. */
    private void answerWaiting() {
        List<Attempt> batch = new ArrayList<>();
        for (Attempt a; (a = waiting.poll()) != null; ) {
            batch.add(a);
        }
        if (closed) {
            batch.forEach(a -> a.answer().complete(CLOSED));
            return;
        }
        try {
            unlockReleased(); // may find the session broken and drop it: usable() then opens a new one
            usable();
            Map<Long, Holder> refused = tryAll(batch);
            for (Attempt a : batch) {
                Holder other = refused.get(a.key());
                if (other == null) {
                    held.put(a.key(), a.lockKey());
                }
                a.answer().complete(other);
            }
        } catch (SQLException | RuntimeException e) {
            dropConnection();
            MemoryException m = e instanceof MemoryException me
                    ? me
                    : new MemoryException(
                            "could not take the lock of "
                                    + (batch.size() == 1 ? batch.get(0).lockKey() : batch.size() + " routers")
                                    + " in the database " + where + " (" + e.getMessage() + ")",
                            e);
            batch.forEach(a -> a.answer().completeExceptionally(m));
        }
    }

    /** The attempts this session did not get, each with who holds its key. */
    private Map<Long, Holder> tryAll(List<Attempt> batch) throws SQLException {
        List<Long> lost = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(TRY)) {
            ps.setArray(1, keys(batch.stream().map(Attempt::key).toList()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getBoolean(2)) {
                        lost.add(rs.getLong(1));
                    }
                }
            }
        }
        return lost.isEmpty() ? Map.of() : holders(lost);
    }

    private Map<Long, Holder> holders(List<Long> keys) throws SQLException {
        Map<Long, Holder> out = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(HOLDERS)) {
            ps.setArray(1, keys(keys));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), holderOf(rs.getString(3), rs.getInt(2)));
                }
            }
        }
        // released between the try and the read: the next try takes it
        keys.forEach(k -> out.putIfAbsent(k, new Holder("(just released)", "-")));
        return out;
    }

    /** The holder a lock session's {@code application_name} names ({@link #applicationName}). */
    static Holder holderOf(String applicationName, int pid) {
        if (applicationName == null || !applicationName.startsWith(NAME_PREFIX)) {
            // a session another role opened (its name is hidden from this one) or not a Portcullis run at all
            return new Holder("(PostgreSQL session " + pid + ")", "-");
        }
        String rest = applicationName.substring(NAME_PREFIX.length());
        int space = rest.indexOf(' ');
        return space < 0 ? new Holder(rest, "-") : new Holder(rest.substring(0, space), rest.substring(space + 1));
    }

    /** "portcullis RUN ACTOR" as PostgreSQL keeps it ({@link DedicatedSession#name}); the first space ends the run id. */
    static String applicationName(Holder run) {
        return DedicatedSession.name(NAME_PREFIX + run.runId().replace(' ', '_') + " " + run.actor());
    }

    private void unlockReleased() {
        if (releasing.isEmpty() || connection == null) {
            return; // no connection: the locks went with the session that held them
        }
        List<Long> keys = new ArrayList<>();
        for (Iterator<Long> it = releasing.iterator(); it.hasNext(); ) {
            keys.add(it.next());
            it.remove();
        }
        try (PreparedStatement ps = connection.prepareStatement(UNLOCK)) {
            ps.setArray(1, keys(keys));
            ps.executeQuery().close();
        } catch (SQLException e) {
            // the session broke: its locks went with it; the next use connects afresh
            dropConnection();
        }
    }

    /** Runs under {@link #wire}: a connection to use, the held keys taken again when a new one had to be opened. */
    private void usable() {
        if (connection == null) {
            connect();
        }
    }

    /** Runs under {@link #wire}: a new connection, and every held key taken again in it. */
    private void connect() {
        dropConnection();
        releasing.clear(); // their locks went with the old session
        try {
            // a statement that waits longer than this on a cut network breaks the session, which the next use reopens
            Connection c = DedicatedSession.open(settings, applicationName(run), Duration.ofSeconds(30));
            try (PreparedStatement ps = c.prepareStatement("SELECT current_schema()");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                schema = rs.getString(1);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            connection = c; // in auto-commit: session-level locks need no transaction kept open
        } catch (SQLException e) {
            throw new MemoryException(
                    "cannot open a session for router locks in the database " + where + " (" + e.getMessage() + ")", e);
        }
        if (!held.isEmpty()) {
            retake();
        }
    }

    /** After a lost session: the held keys again; one another run took meanwhile is logged, not silently lost. */
    private void retake() {
        List<Attempt> again = new ArrayList<>();
        held.forEach((k, lockKey) -> again.add(new Attempt(k, lockKey, null)));
        try {
            Map<Long, Holder> refused = tryAll(again);
            LOG.warnf(
                    "run %s: the database session holding its router locks ended; took %d of %d again",
                    run.runId(), again.size() - refused.size(), again.size());
            refused.forEach((k, other) -> LOG.errorf(
                    "run %s lost the lock of %s while its database session was down: run %s (actor %s) holds it now,"
                            + " and both may be changing that router",
                    run.runId(), held.remove(k), other.runId(), other.actor()));
        } catch (SQLException e) {
            dropConnection();
            throw new MemoryException(
                    "cannot take the router locks again in the database " + where + " (" + e.getMessage() + ")", e);
        }
    }

    private Array keys(List<Long> keys) throws SQLException {
        return connection.createArrayOf("bigint", keys.toArray(new Long[0]));
    }

    private void dropConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // already broken: the server ended the session, and its locks with it
            }
            connection = null;
        }
    }

    /** Ends the session: the server releases whatever it still holds. */
    @Override
    public void close() {
        wire.lock();
        try {
            unlockReleased();
            closed = true;
            dropConnection();
        } finally {
            wire.unlock();
        }
    }
}
