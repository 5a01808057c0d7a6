package io.portcullis.ha;

import io.portcullis.store.DbSettings;
import io.portcullis.store.DedicatedSession;
import io.portcullis.store.Sanitizer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Leader election on PostgreSQL: the leader is the replica whose session holds the advisory lock
 * {@code pg_try_advisory_lock(CLASS_ID, key)}. The lock lives on one dedicated JDBC connection (not from the
 * pool, which recycles connections), so it goes exactly when that session ends: process killed (the kernel
 * closes the socket), connection terminated, network gone (server-side TCP keepalives set on the session end it
 * within ~15 s). {@code key} is derived from the database and schema, so two installations sharing a server do
 * not elect each other. Every {@code pollInterval} a follower tries the lock and a leader checks its session.
 * The session's {@code application_name} carries the replica name, so followers can name the leader from
 * {@code pg_locks} and {@code pg_stat_activity}.
 *
 * <p>A leader whose session broke while the database still answers tries the lock again at once: free (nobody took
 * over, e.g. the database itself was down or restarted), it goes on leading without a step-down; held by another
 * replica, it steps down and sits out one poll before contending again. A leader that cannot
 * reach the database at all keeps leading: monitoring and alerting go on (alerts are buffered for the database),
 * and if only this replica is cut off, a follower takes over once the server drops the dead session; that can
 * mean duplicate alerts for a short while, never silence.
 */
public final class LeaderElection implements Election {
    private static final Logger LOG = Logger.getLogger(LeaderElection.class);
    /** "pcl" in ASCII: the advisory-lock class of Portcullis, so other users of advisory locks do not collide. */
    static final int CLASS_ID = 0x70636c;

    private static final String APP_PREFIX = "portcullis ";

    private final DbSettings db;
    private final String replica;
    private final Duration pollInterval;
    private final ScheduledExecutorService timer;
    private Listener listener;
    private Connection session;
    private Integer key;
    private volatile boolean leading;
    private volatile String leader;
    private long sitOutUntil;
    private String lastProblem;

    public LeaderElection(DbSettings db, String replica, Duration pollInterval) {
        this.db = db;
        this.replica = replica;
        this.pollInterval = pollInterval;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portcullis-leader-election");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public synchronized void start(Listener l) {
        this.listener = l;
        timer.scheduleWithFixedDelay(this::pollSafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean leading() {
        return leading;
    }

    @Override
    public String replica() {
        return replica;
    }

    @Override
    public Optional<String> leader() {
        return leading ? Optional.of(replica) : Optional.ofNullable(leader);
    }

    @Override
    public String describe() {
        return "leader election on " + db.safeUrl() + " (PostgreSQL advisory lock, checked every "
                + pollInterval.toMillis() + " ms); this replica is " + replica;
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warnf("leader election poll failed: %s", e.getMessage());
        }
    }

    /** One round: a leader checks its session, a follower tries the lock. Package-private for tests. */
    synchronized void poll() {
        if (leading) {
            if (sessionAlive()) {
                return;
            }
            close(session);
            session = null;
            if (connect()) {
                // the database answers, so our session (and with it the lock) is gone. Free again (nobody took over
                // while
                // we were cut off, e.g. the database itself was down): take it back at once and go on leading, without
                // the stop-and-start of notifications, checks and delivery a step-down would cause
                if (tryLockQuietly()) {
                    LOG.infof(
                            "replica %s reaches the database again and holds the leader lock again; it goes on leading",
                            replica);
                    return;
                }
                LOG.warnf(
                        "replica %s lost its leader session; stepping down and letting another replica take over",
                        replica);
                leading = false;
                leader = null;
                sitOutUntil = System.nanoTime() + pollInterval.toNanos();
                listener.deposed();
            } else {
                said("replica " + replica
                        + " cannot reach the database; it keeps leading (no other replica can take the lock "
                        + "from a database it cannot reach either)");
            }
            return;
        }
        if (System.nanoTime() < sitOutUntil) {
            return;
        }
        if (session == null && !connect()) {
            leader = null;
            return;
        }
        try {
            if (tryLock()) {
                leading = true;
                leader = replica;
                lastProblem = null;
                LOG.infof("replica %s is now the leader", replica);
                listener.elected();
                return;
            }
            leader = currentLeader().orElse(null);
        } catch (SQLException e) {
            said("leader election cannot query the database: " + firstLine(e));
            close(session);
            session = null;
        }
    }

    private boolean tryLockQuietly() {
        try {
            return tryLock();
        } catch (SQLException e) {
            return false;
        }
    }

    /** Tries the advisory lock on the dedicated session; true when this session holds it now. */
    private boolean tryLock() throws SQLException {
        try (PreparedStatement ps = session.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, CLASS_ID);
            ps.setInt(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The leader's name as the database knows it: the application_name of the session holding the lock. */
    private Optional<String> currentLeader() throws SQLException {
        try (PreparedStatement ps = session.prepareStatement("""
                SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.classid = ?::oid AND l.objid = ?::oid AND l.objsubid = 2 AND l.granted""")) {
            ps.setLong(1, CLASS_ID);
            ps.setLong(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    String app = rs.getString(1);
                    return Optional.of(
                            app != null && app.startsWith(APP_PREFIX)
                                    ? app.substring(APP_PREFIX.length())
                                    : String.valueOf(app));
                }
            }
        }
        return Optional.empty();
    }

    private boolean sessionAlive() {
        if (session == null) {
            return false;
        }
        try (Statement st = session.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_locks WHERE pid = "
                        + "pg_backend_pid() AND locktype = 'advisory' AND classid = " + CLASS_ID + " AND objid = " + key
                        + " AND objsubid = 2")) {
            rs.next();
            return rs.getInt(1) == 1;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Opens the dedicated session (outside any pool) and derives the lock key from its database and schema. */
    private boolean connect() {
        try {
            // a query on a half-open connection must fail, not hang the election thread
            Connection c = DedicatedSession.open(
                    db, APP_PREFIX + replica, Duration.ofSeconds(Math.max(5, pollInterval.toSeconds() * 3)));
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT hashtext('portcullis-leader/' || current_database() || '/' "
                            + "|| coalesce(current_schema(), '')) & 2147483647")) {
                rs.next();
                key = rs.getInt(1);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            session = c;
            if (lastProblem != null) {
                LOG.infof("leader election reaches the database again");
                lastProblem = null;
            }
            return true;
        } catch (SQLException e) {
            said("leader election cannot connect to " + db.safeUrl() + ": " + firstLine(e));
            return false;
        }
    }

    /** Logs a problem once, not on every poll. */
    private void said(String problem) {
        if (!problem.equals(lastProblem)) {
            LOG.warn(problem);
            lastProblem = problem;
        }
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return Sanitizer.text(Sanitizer.url(nl < 0 ? m : m.substring(0, nl)), 300);
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the session is being given up anyway
            }
        }
    }

    /** Stops electing and ends the session: the lock is released at once, so a follower takes over at its next poll. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            boolean was = leading;
            leading = false;
            close(session);
            session = null;
            if (was && listener != null) {
                listener.deposed();
            }
        }
    }
}
