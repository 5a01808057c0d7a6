package io.portcullis.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link RunStore} over JDBC, with SQL that runs unchanged on PostgreSQL and H2 (PostgreSQL mode). Each write is
 * one short auto-committed statement or one small transaction; reads are in {@link JdbcHistory}.
 */
public final class JdbcRunStore implements RunStore {
    private final DataSource dataSource;
    private final AutoCloseable owner;
    private final String where;
    private final JdbcHistory history;
    private final JdbcRevisions revisions;
    private final JdbcOverwrites overwrites;
    private final JdbcPreImages preImages = new JdbcPreImages();

    /**
     * @param owner closed with the store (a pool this store created), or null when the datasource belongs to someone else
     * @param where the database for messages, without credentials
     */
    public JdbcRunStore(DataSource dataSource, AutoCloseable owner, String where) {
        this.dataSource = dataSource;
        this.owner = owner;
        this.where = where;
        this.history = new JdbcHistory(this);
        this.revisions = new JdbcRevisions(this);
        this.overwrites = new JdbcOverwrites(this);
    }

    @Override
    public void beginRun(RunStart r) {
        try {
            insertRun(r);
        } catch (StoreException e) {
            if (!SqlErrors.duplicateKey(e)) {
                throw e;
            }
            // the row is there already: a buffered write sent again after its answer was lost (the network broke
            // between the commit and the reply); the run ids are random UUIDs, so it is the same run
        }
    }

    private void insertRun(RunStart r) {
        update("record the start of run " + r.id(), """
                INSERT INTO pcl_run (id, kind, started_at, tool_version, actor, os_user, api_caller, ci_json, options_json,
                                     policy_revision, policy_digest, inventory_digest, plan_digest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setString(1, r.id());
            ps.setString(2, r.kind());
            ps.setObject(3, time(r.startedAt()));
            ps.setString(4, r.toolVersion());
            ps.setString(5, r.who().actor());
            ps.setString(6, r.who().osUser());
            ps.setString(7, r.who().apiCaller());
            ps.setString(8, JsonColumns.write(r.who().ci()));
            ps.setString(9, JsonColumns.write(r.options()));
            ps.setString(10, r.what().policyRevision());
            ps.setString(11, r.what().policyDigest());
            ps.setString(12, r.what().inventoryDigest());
            ps.setString(13, r.what().planDigest());
        });
    }

    @Override
    public void recordRouter(String runId, RouterRecord r) {
        recordRouters(runId, List.of(r));
    }

    /**
     * One transaction: the run's start is read once, then the rows go in as one JDBC batch of plain inserts (which the
     * PostgreSQL driver sends as multi-row inserts). A router already recorded under the run (under {@code
     * --on-failure revert} a router is first reported proven, then with its final state; or a batch sent again after
     * its commit's answer was lost) makes the batch fail as a duplicate, and it is written again replacing the
     * earlier rows: deleting first for every row would cost a statement per router on every run for a case most runs
     * never have (measured in the recording overhead benchmark, docs/benchmarks.md).
     */
    @Override
    public void recordRouters(String runId, List<RouterRecord> routers) {
        if (routers.isEmpty()) {
            return;
        }
        Map<String, RouterRecord> last = new LinkedHashMap<>();
        for (RouterRecord r : routers) {
            last.remove(r.router()); // a later record of a router replaces the earlier one, in its own place
            last.put(r.router(), r);
        }
        String what = last.size() == 1
                ? "record " + last.keySet().iterator().next() + " of run " + runId
                : "record " + last.size() + " routers of run " + runId;
        // each distinct pre-image once, named by its digest in the routers' rows (JdbcPreImages)
        Map<String, String> preImageDigest = new HashMap<>();
        Map<String, String> toWrite = new LinkedHashMap<>();
        Instant now = Instant.now();
        for (RouterRecord r : last.values()) {
            if (r.preImage() != null) {
                String digest = preImageDigest.computeIfAbsent(r.preImage(), JdbcPreImages::digest);
                if (preImages.needed(digest, now)) {
                    toWrite.put(digest, r.preImage());
                }
            }
        }
        Rows rows = new Rows(runId, last, preImageDigest, toWrite, now);
        try {
            inTransaction(what, c -> insertRouters(c, rows, false));
        } catch (StoreException e) {
            if (!SqlErrors.duplicateKey(e)) {
                throw e;
            }
            inTransaction(what, c -> insertRouters(c, rows, true));
        }
        preImages.committed(toWrite.keySet(), now);
    }

    /** One batch of a run's routers: each router's last record, the digests naming their pre-images (by text), and the pre-images to write. */
    private record Rows(
            String runId,
            Map<String, RouterRecord> routers,
            Map<String, String> preImageDigest,
            Map<String, String> preImagesToWrite,
            Instant now) {}

    private Void insertRouters(Connection c, Rows rows, boolean replace) throws SQLException {
        String runId = rows.runId();
        Map<String, RouterRecord> routers = rows.routers();
        RunRow run = runRow(c, runId)
                .orElseThrow(() -> new StoreException("run " + runId + " is not in the database " + where + ", so "
                        + String.join(", ", routers.keySet()) + " cannot be recorded under it"));
        OffsetDateTime started = run.startedAt();
        if (run.counted()) {
            // a router recorded after the run finished: the counts written at its end no longer hold
            try (PreparedStatement ps = c.prepareStatement("UPDATE pcl_run SET state_counts = NULL WHERE id = ?")) {
                ps.setString(1, runId);
                ps.executeUpdate();
            }
        }
        if (replace) {
            try (PreparedStatement del =
                    c.prepareStatement("DELETE FROM pcl_router_run WHERE run_id = ? AND router = ?")) {
                for (String router : routers.keySet()) {
                    del.setString(1, runId);
                    del.setString(2, router);
                    del.addBatch();
                }
                del.executeBatch();
            }
        }
        preImages.write(c, rows.preImagesToWrite(), rows.now());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO pcl_router_run (run_id, run_started_at, router, platform, state, reason, changes_json,
                                            impact_json, digest_before, digest_after, pre_image_digest, error, millis,
                                            recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (RouterRecord r : routers.values()) {
                ps.setString(1, runId);
                ps.setObject(2, started);
                bindRouter(
                        ps,
                        3,
                        r,
                        r.preImage() == null ? null : rows.preImageDigest().get(r.preImage()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return null;
    }

    /**
     * What recording a router needs of its run: when it started, and whether its state counts are written. The run's
     * row is locked until the routers are in, as {@link #finishRun} locks it before counting: a batch and the run's end
     * never interleave, so the counts hold or are cleared.
     */
    private record RunRow(OffsetDateTime startedAt, boolean counted) {}

    private static Optional<RunRow> runRow(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT started_at, state_counts IS NOT NULL FROM pcl_run WHERE id = ? FOR UPDATE")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new RunRow(rs.getObject(1, OffsetDateTime.class), rs.getBoolean(2)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Binds a router's columns from {@code router} to {@code recorded_at}, starting at parameter {@code i}; the
     * pre-image by its digest.
     */
    private static void bindRouter(PreparedStatement ps, int i, RouterRecord r, String preImageDigest)
            throws SQLException {
        ps.setString(i++, r.router());
        ps.setString(i++, r.platform());
        ps.setString(i++, r.state());
        ps.setString(i++, r.reason());
        ps.setString(i++, JsonColumns.write(r.changes()));
        ps.setString(i++, JsonColumns.write(r.impact()));
        ps.setString(i++, r.digestBefore());
        ps.setString(i++, r.digestAfter());
        ps.setString(i++, preImageDigest);
        ps.setString(i++, r.error());
        ps.setLong(i++, r.millis());
        ps.setObject(i, time(r.recordedAt()));
    }

    @Override
    public void finishRun(String runId, Instant finishedAt, int exitCode, String haltedBecause, CheckCounts checks) {
        // the run's routers counted once here, in the same transaction, so that `history` reads a line per run
        inTransaction("record the end of run " + runId, c -> {
            runRow(c, runId); // locks the run's row, as a batch of its routers does (see RunRow)
            String counts =
                    StateCounts.write(StateCounts.count(c, List.of(runId)).getOrDefault(runId, Map.of()));
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE pcl_run SET finished_at = ?, exit_code = ?, halted_because = ?, routers_checked = ?,
                                       routers_unchanged = ?, state_counts = ?
                    WHERE id = ?""")) {
                ps.setObject(1, time(finishedAt));
                ps.setInt(2, exitCode);
                ps.setString(3, Sanitizer.text(haltedBecause, 2000));
                setNullableInt(ps, 4, checks == null ? null : checks.checked());
                setNullableInt(ps, 5, checks == null ? null : checks.unchanged());
                ps.setString(6, counts);
                ps.setString(7, runId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<DriftEvent> recordDrift(DriftObservation o) {
        return inTransaction("record the drift check of " + o.router(), c -> new DriftEvents(c).observe(o));
    }

    @Override
    public void recordDelivery(AlertDelivery d) {
        update("record an alert delivery for " + d.router(), """
                INSERT INTO pcl_alert_delivery (router, fingerprint, alert_status, sink, attempted_at, delivered, error)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setString(1, d.router());
            ps.setString(2, d.fingerprint());
            ps.setString(3, d.alertStatus());
            ps.setString(4, d.sink());
            ps.setObject(5, time(d.attemptedAt()));
            ps.setBoolean(6, d.delivered());
            ps.setString(7, d.error());
        });
    }

    @Override
    public List<HistoryRun> history(HistoryQuery query) {
        return history.runs(query);
    }

    @Override
    public Optional<HistoryRun> run(String id) {
        return history.run(id);
    }

    @Override
    public Optional<String> preImage(String runId, String router) {
        return history.preImage(runId, router);
    }

    @Override
    public List<DriftEvent> driftEvents(String router, int limit) {
        return inTransaction("read drift events", c -> DriftEvents.list(c, router, limit));
    }

    @Override
    public List<AlertDelivery> deliveries(String router, int limit) {
        return history.deliveries(router, limit);
    }

    @Override
    public int prune(Instant cutoff) {
        return inTransaction("prune the history", c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pcl_run WHERE started_at < ?")) {
                ps.setObject(1, time(cutoff));
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pcl_drift_event WHERE resolved_at < ?")) {
                ps.setObject(1, time(cutoff));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pcl_alert_delivery WHERE attempted_at < ?")) {
                ps.setObject(1, time(cutoff));
                ps.executeUpdate();
            }
            JdbcPreImages.prune(c, cutoff); // after the runs: those that named them are gone now
            return n;
        });
    }

    @Override
    public void recordPolicy(PolicySnapshot snapshot) {
        revisions.record(snapshot);
    }

    @Override
    public Optional<PolicySnapshot> policy(String digest) {
        return revisions.policy(digest);
    }

    @Override
    public Optional<PolicySnapshot> newestPolicy() {
        return revisions.newest();
    }

    @Override
    public List<AppliedRevision> appliedRevisions() {
        return revisions.applied();
    }

    @Override
    public List<OpenRun> openRuns(Instant since) {
        return revisions.open(since);
    }

    @Override
    public List<String> unauditedRuns(Instant since) {
        return overwrites.unaudited(since);
    }

    @Override
    public List<OverwrittenChange> overwrittenChanges(String runId) {
        return overwrites.find(runId);
    }

    @Override
    public boolean markAudited(String runId, String by, int overwritten) {
        return overwrites.markAudited(runId, by, overwritten);
    }

    @Override
    public void ping() {
        inTransaction("reach the database", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM pcl_run WHERE id = ''");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
            return null;
        });
    }

    @Override
    public void close() {
        if (owner != null) {
            try {
                owner.close();
            } catch (Exception ignored) {
                // closing a pool of a database that went away: nothing left to release
            }
        }
    }

    // --- plumbing shared with JdbcHistory and DriftEvents ---

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    void update(String what, String sql, Binder binder) {
        inTransaction(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                ps.executeUpdate();
            }
            return null;
        });
    }

    <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + " in " + where + ": " + SqlErrors.describe(e), e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the transaction is gone with it
        }
    }

    static Object time(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static void setNullableInt(PreparedStatement ps, int index, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, v);
        }
    }
}
