package io.portcullis.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pre-images kept once each, by the digest of their text ({@code pcl_pre_image}, migration V11): a router's row names
 * its pre-image by digest. A run of a thousand routers holds a handful of distinct managed subtrees, so it writes a
 * handful of pre-images instead of a thousand.
 *
 * <p>This store remembers which pre-images it wrote or renewed, and skips them for a day: the routers of one run
 * after the first cost nothing, and a long-lived {@code serve} still renews {@code last_used_at} daily, which is what
 * keeps {@link #prune} from deleting a pre-image in use. What it remembers is added only after the transaction that
 * wrote it committed ({@link #committed}).
 */
final class JdbcPreImages {
    /** How long a pre-image written or renewed by this store is taken as present and recently used. */
    private static final Duration RENEW_AFTER = Duration.ofDays(1);

    private final Map<String, Instant> renewed = new ConcurrentHashMap<>();

    /** The digest that names {@code body}: "sha256:" and the hex of its UTF-8 bytes. */
    static String digest(String body) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(
                                    MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** Whether the pre-image named {@code digest} must be written (or renewed) in the transaction at hand. */
    boolean needed(String digest, Instant now) {
        Instant at = renewed.get(digest);
        return at == null || at.plus(RENEW_AFTER).isBefore(now);
    }

    /**
     * Makes sure each pre-image ({@code digest → body}) is in {@code pcl_pre_image}, used {@code now}. Another writer
     * may insert the same one at the same moment, and retention may delete an old one meanwhile: the loop renews the row
     * when it is there and inserts it when it is not, until one of the two took.
     */
    void write(Connection c, Map<String, String> bodies, Instant now) throws SQLException {
        if (bodies.isEmpty()) {
            return;
        }
        try (PreparedStatement renew =
                        c.prepareStatement("UPDATE pcl_pre_image SET last_used_at = ? WHERE digest = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO pcl_pre_image (digest, body, last_used_at)"
                        + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Map.Entry<String, String> e : bodies.entrySet()) {
                for (int attempt = 0; ; attempt++) {
                    renew.setObject(1, JdbcRunStore.time(now));
                    renew.setString(2, e.getKey());
                    if (renew.executeUpdate() > 0) {
                        break;
                    }
                    insert.setString(1, e.getKey());
                    insert.setString(2, e.getValue());
                    insert.setObject(3, JdbcRunStore.time(now));
                    if (insert.executeUpdate() > 0) {
                        break;
                    }
                    if (attempt == 3) {
                        throw new SQLException("pre-image " + e.getKey() + " was neither there to renew nor"
                                + " insertable after 4 attempts (another writer and retention keep racing for it)");
                    }
                }
            }
        }
    }

    /** Called once the transaction that wrote {@code digests} committed. */
    void committed(Collection<String> digests, Instant at) {
        digests.forEach(d -> renewed.put(d, at));
    }

    /**
     * Deletes the pre-images no run used since {@code cutoff} that no router row names any more (their runs were
     * pruned). The second condition guards a row written by a run that started long ago; the first keeps this to the
     * few candidates, since no index serves the search for rows that name a digest.
     */
    static int prune(Connection c, Instant cutoff) throws SQLException {
        // never one used in the last two renewal periods, whatever the retention: a store that renewed it less than a
        // day ago takes it as present and does not write it again
        Instant recent = Instant.now().minus(RENEW_AFTER.multipliedBy(2));
        Instant before = cutoff.isBefore(recent) ? cutoff : recent;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM pcl_pre_image p WHERE p.last_used_at < ?"
                + " AND NOT EXISTS (SELECT 1 FROM pcl_router_run r WHERE r.pre_image_digest = p.digest)")) {
            ps.setObject(1, JdbcRunStore.time(before));
            return ps.executeUpdate();
        }
    }
}
