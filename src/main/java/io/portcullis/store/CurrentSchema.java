package io.portcullis.store;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Whether a database's schema is exactly what this build ships, read in one query, so that a CLI run opening a current
 * database does not load Flyway at all (383 classes and three scans of the migrations, about a third of what opening
 * the store costs a fresh process: docs/benchmarks.md "Run history"). Current means: Flyway's history holds every
 * shipped migration, each with the checksum of {@code db/migration-checksums.properties} and successful, and no other
 * version. Anything else — an empty database, a pending, failed, changed or newer migration, a history that cannot be
 * read — is "not known to be current", and {@link SchemaMigrator} lets Flyway migrate or explain it as before.
 *
 * <p>The checksums are Flyway's own for the shipped files; {@code CurrentSchemaTest} fails, printing the lines to
 * write, when a migration is added or changed without them.
 */
final class CurrentSchema {
    static final String CHECKSUMS = "db/migration-checksums.properties";

    private CurrentSchema() {}

    /** version → Flyway checksum of every shipped migration, as listed in {@link #CHECKSUMS}. */
    static Map<String, Integer> shipped() {
        Properties p = new Properties();
        try (InputStream in = CurrentSchema.class.getClassLoader().getResourceAsStream(CHECKSUMS)) {
            if (in == null) {
                return Map.of(); // never current: Flyway decides
            }
            p.load(in);
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, Integer> out = new TreeMap<>();
        for (String version : p.stringPropertyNames()) {
            try {
                out.put(version, Integer.parseInt(p.getProperty(version).strip()));
            } catch (NumberFormatException e) {
                return Map.of();
            }
        }
        return out;
    }

    /**
     * True only when the history matches {@link #shipped} exactly; false on any doubt (Flyway then decides).
     *
     * @throws StoreException the database cannot be reached (said once, not again after Flyway's own attempt)
     */
    static boolean holds(DataSource ds, String where) {
        Map<String, Integer> shipped = shipped();
        if (shipped.isEmpty()) {
            return false;
        }
        Map<String, Integer> applied = new TreeMap<>();
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        // quoted as Flyway creates them, so an H2 URL without DATABASE_TO_LOWER finds them too
                        "SELECT \"version\", \"checksum\", \"success\", \"type\" FROM \"flyway_schema_history\" "
                                + "WHERE \"version\" IS NOT NULL");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int checksum = rs.getInt(2);
                if (rs.wasNull() || !rs.getBoolean(3) || !"SQL".equals(rs.getString(4))) {
                    return false;
                }
                if (applied.put(rs.getString(1), checksum) != null) {
                    return false; // one version twice: not a history this build wrote
                }
            }
        } catch (SQLException e) {
            if (SqlErrors.unreachable(e)) {
                throw SchemaMigrator.unreachable(where, e);
            }
            return false; // no history yet, or unreadable: Flyway says what it is
        }
        return applied.equals(shipped);
    }
}
