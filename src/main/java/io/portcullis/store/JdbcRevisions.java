package io.portcullis.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Policy revisions in the database: the snapshot of each applied policy ({@code pcl_policy_revision}), which
 * revision each router last received (from the run tables), and which router-changing runs are still open.
 * What lets {@code serve} compare a router with what was applied to it rather than with what it loaded.
 */
final class JdbcRevisions {
    private static final String UNIQUE_VIOLATION = "23505";
    private final JdbcRunStore store;

    JdbcRevisions(JdbcRunStore store) {
        this.store = store;
    }

    /**
     * Inserts the snapshot, or marks an existing one (same digest) as applied again at its {@code appliedAt} when that
     * is later (a remediation passes {@link Instant#EPOCH}: restoring a router's old revision does not make it the newest).
     */
    void record(PolicySnapshot s) {
        try {
            store.inTransaction("record policy revision " + s.label(), c -> upsert(c, s));
        } catch (StoreException e) {
            // two writers inserting the same new revision at once: the loser finds the row and updates it
            if (!(e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()))) {
                throw e;
            }
            store.inTransaction("record policy revision " + s.label(), c -> upsert(c, s));
        }
    }

    private static Void upsert(Connection c, PolicySnapshot s) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("""
                UPDATE pcl_policy_revision SET last_applied_at = CASE WHEN last_applied_at < ? THEN ? ELSE last_applied_at END,
                       policy_revision = COALESCE(policy_revision, ?)
                WHERE policy_digest = ?""")) {
            up.setObject(1, JdbcRunStore.time(s.recordedAt()));
            up.setObject(2, JdbcRunStore.time(s.recordedAt()));
            up.setString(3, s.revision());
            up.setString(4, s.digest());
            if (up.executeUpdate() == 1) {
                return null;
            }
        }
        try (PreparedStatement ins = c.prepareStatement("""
                INSERT INTO pcl_policy_revision (policy_digest, policy_revision, recorded_at, last_applied_at, documents_json)
                VALUES (?, ?, ?, ?, ?)""")) {
            ins.setString(1, s.digest());
            ins.setString(2, s.revision());
            ins.setObject(3, JdbcRunStore.time(Instant.now()));
            ins.setObject(4, JdbcRunStore.time(s.recordedAt()));
            ins.setString(5, JsonColumns.write(s.documents()));
            ins.executeUpdate();
        }
        return null;
    }

    Optional<PolicySnapshot> policy(String digest) {
        return store.inTransaction(
                "read policy revision " + digest,
                c -> one(
                        c,
                        "SELECT policy_digest, policy_revision, last_applied_at, documents_json FROM pcl_policy_revision WHERE policy_digest = ?",
                        digest));
    }

    /** The revision some run applied most recently (a roll-back to an old one makes that one the newest). */
    Optional<PolicySnapshot> newest() {
        return store.inTransaction("read the newest policy revision", c -> one(c, """
                SELECT policy_digest, policy_revision, last_applied_at, documents_json FROM pcl_policy_revision
                ORDER BY last_applied_at DESC, policy_digest LIMIT 1""", null));
    }

    private static Optional<PolicySnapshot> one(Connection c, String sql, String digest) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (digest != null) {
                ps.setString(1, digest);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PolicySnapshot(
                        rs.getString("policy_digest"),
                        rs.getString("policy_revision"),
                        JdbcRunStore.instant(rs, "last_applied_at"),
                        JsonColumns.map(rs.getString("documents_json"))));
            }
        }
    }

    /** Per router, the newest successful apply or remediation that carried a policy digest. */
    List<AppliedRevision> applied() {
        return store.inTransaction("read the revisions applied to routers", c -> {
            List<AppliedRevision> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT router, state, run_started_at, id, kind, policy_digest, policy_revision FROM (
                      SELECT rr.router, rr.state, rr.run_started_at, r.id, r.kind, r.policy_digest, r.policy_revision,
                             ROW_NUMBER() OVER (PARTITION BY rr.router ORDER BY rr.run_started_at DESC, rr.recorded_at DESC, r.id DESC) AS n
                      FROM pcl_router_run rr JOIN pcl_run r ON r.id = rr.run_id
                      WHERE rr.state IN ('APPLIED', 'NO_CHANGE') AND COALESCE(rr.reason, '') <> 'PROVEN_AWAITING_CONFIRM'
                        AND r.kind IN ('apply', 'remediation') AND r.policy_digest IS NOT NULL
                    ) newest WHERE n = 1 ORDER BY router""");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AppliedRevision(
                            rs.getString("router"),
                            rs.getString("policy_digest"),
                            rs.getString("policy_revision"),
                            rs.getString("id"),
                            rs.getString("kind"),
                            rs.getString("state"),
                            JdbcRunStore.instant(rs, "run_started_at")));
                }
            }
            return out;
        });
    }

    /** Router-changing runs started after {@code since} that have not finished. */
    List<OpenRun> open(Instant since) {
        return store.inTransaction("read the runs in progress", c -> {
            List<OpenRun> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, kind, started_at, COALESCE(actor, api_caller, os_user) AS who FROM pcl_run
                    WHERE finished_at IS NULL AND kind IN ('apply', 'remediation', 'recover') AND started_at >= ?
                    ORDER BY started_at""")) {
                ps.setObject(1, JdbcRunStore.time(since));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new OpenRun(
                                rs.getString("id"),
                                rs.getString("kind"),
                                JdbcRunStore.instant(rs, "started_at"),
                                rs.getString("who")));
                    }
                }
            }
            return out;
        });
    }
}
