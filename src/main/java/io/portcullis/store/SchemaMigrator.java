package io.portcullis.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Brings the schema to the version this build knows (migrations in {@code db/migration}), or says in one
 * sentence, naming the migration, why it cannot: a schema newer than this build (Flyway alone would ignore
 * "future" migrations and then fail on a missing column), a migration that failed earlier, or one whose
 * recorded checksum no longer matches (the database was changed by another build or by hand).
 */
public final class SchemaMigrator {
    private SchemaMigrator() {}

    /** @param where the database for messages, without credentials */
    public static void migrate(Flyway flyway, String where) {
        // one migration at a time in this JVM: two runs started together (parallel applies in one CI job, serve's
        // stores opening at start-up) would otherwise both create the first tables of an empty database, and the
        // loser's V1 is left recorded as failed ("half-built"). Across processes, Flyway's lock serialises them on
        // PostgreSQL; two processes migrating one empty H2 file at the same moment are not covered.
        synchronized (SchemaMigrator.class) {
            migrateAlone(flyway, where);
        }
    }

    private static void migrateAlone(Flyway flyway, String where) {
        try {
            MigrationInfoService info = flyway.info();
            MigrationVersion known = latestKnown(info);
            for (MigrationInfo m : info.applied()) {
                if (m.getState() == MigrationState.FAILED) {
                    throw new StoreException(
                            "migration " + name(m) + " failed earlier in " + where
                                    + ", so its schema is half-built; restore the database or drop its portcullis tables, then run again");
                }
                if (m.getVersion() != null && known != null && m.getVersion().compareTo(known) > 0) {
                    throw new StoreException("the database " + where + " has schema version " + m.getVersion()
                            + " (migration " + name(m) + "), newer than this portcullis knows (up to V" + known
                            + "); upgrade portcullis or point portcullis.db.url elsewhere");
                }
            }
            ValidateResult v = flyway.validateWithResult();
            if (!v.validationSuccessful) {
                for (ValidateOutput o : v.invalidMigrations) {
                    // pending migrations are what migrate is for; anything else means the applied history was changed
                    boolean pending = o.errorDetails != null
                            && String.valueOf(o.errorDetails.errorCode).contains("NOT_APPLIED");
                    if (!pending && o.version != null && !o.version.isEmpty()) {
                        throw new StoreException(
                                "migration V" + o.version + "__" + o.description.replace(' ', '_') + " in " + where
                                        + " does not match this portcullis ("
                                        + firstLine(o.errorDetails == null ? null : o.errorDetails.errorMessage)
                                        + "); the schema was changed by hand or by another build — restore it or use another database");
                    }
                }
            }
            flyway.migrate();
        } catch (StoreException e) {
            throw e;
        } catch (FlywayException e) {
            if (SqlErrors.unreachable(e)) {
                throw unreachable(where, e);
            }
            throw new StoreException(
                    "the schema of " + where + " cannot be brought up to date: " + firstLine(e.getMessage()), e);
        }
    }

    /** The one sentence for a database that cannot be reached, whoever found out. */
    static StoreException unreachable(String where, Throwable e) {
        return new StoreException("the database " + where + " is unreachable (" + firstLine(rootMessage(e)) + ")", e);
    }

    private static MigrationVersion latestKnown(MigrationInfoService info) {
        MigrationVersion latest = null;
        for (MigrationInfo m : info.all()) {
            boolean local = m.getState() != MigrationState.FUTURE_SUCCESS
                    && m.getState() != MigrationState.FUTURE_FAILED
                    && m.getState() != MigrationState.MISSING_SUCCESS
                    && m.getState() != MigrationState.MISSING_FAILED;
            if (local
                    && m.getVersion() != null
                    && (latest == null || m.getVersion().compareTo(latest) > 0)) {
                latest = m.getVersion();
            }
        }
        return latest;
    }

    private static String name(MigrationInfo m) {
        return "V" + m.getVersion() + "__" + m.getDescription().replace(' ', '_');
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "no details";
        }
        String t = m.strip();
        int nl = t.indexOf('\n');
        return Sanitizer.text(nl < 0 ? t : t.substring(0, nl), 300);
    }
}
