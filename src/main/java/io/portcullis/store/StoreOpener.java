package io.portcullis.store;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.flyway.FlywayDataSource;
import java.time.Duration;
import org.flywaydb.core.Flyway;

/**
 * Opens the store a run records into, with its schema up to date.
 *
 * <p>Inside the Quarkus application ({@code serve}) the datasource is Quarkus' Agroal datasource named after the URL's kind ("h2" or
 * "postgresql": {@code db-kind} is fixed at build time, so there is one of each and {@link DbConfigSource}
 * activates the one {@code portcullis.db.url} names), and Flyway is quarkus-flyway's instance for it. Both are
 * created lazily, so commands that record nothing (validate, render, verify) never touch a database. Flyway
 * does not run at start ({@code migrate-at-start} stays off): a recording command migrates when it opens the
 * store, so an unreachable database costs that run one line instead of stopping the application, and serve can
 * keep watching while it retries.
 *
 * <p>Outside a Quarkus container (the CLI commands, which start without Quarkus; in-process CLI tests, benchmark mains) there are no CDI beans: the same
 * settings build an Agroal pool and a Flyway instance through their own APIs.
 */
public final class StoreOpener {
    private StoreOpener() {}

    /** @throws StoreException one sentence: unreachable, login refused, schema too new or corrupt */
    public static RunStore open(DbSettings s) {
        Database db = database(s);
        return new JdbcRunStore(db.dataSource(), db.owner(), db.where());
    }

    /**
     * The database itself, schema up to date, for tables kept by other packages next to the history (the
     * service's alert state). {@code owner} is the pool to close when done, null when the container owns it.
     */
    public record Database(javax.sql.DataSource dataSource, AutoCloseable owner, String where) {}

    /** @throws StoreException one sentence: unreachable, login refused, schema too new or corrupt */
    public static Database database(DbSettings s) {
        if (!s.enabled()) {
            throw new StoreException("recording is switched off (portcullis.db.enabled=false)");
        }
        String where = s.safeUrl();
        ArcContainer arc = Arc.container();
        if (arc != null && arc.isRunning()) {
            String name = s.kind().datasource();
            AgroalDataSource ds = arc.select(AgroalDataSource.class, new DataSource.DataSourceLiteral(name))
                    .get();
            Flyway flyway = arc.select(Flyway.class, FlywayDataSource.FlywayDataSourceLiteral.of(name))
                    .get();
            SchemaMigrator.migrate(flyway, where);
            return new Database(ds, null, where); // the container owns the pool
        }
        AgroalDataSource ds = standalonePool(s);
        try {
            if (CurrentSchema.holds(ds, where)) {
                return new Database(ds, ds, where); // nothing to migrate: Flyway is not even loaded
            }
            SchemaMigrator.migrate(
                    Flyway.configure()
                            .dataSource(ds)
                            .locations("classpath:db/migration")
                            .load(),
                    where);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, ds, where);
    }

    /**
     * The migrated datasource, opened on first use and again after a failure to open it (so a service started while
     * the database was down finds it later); {@code get()} throws {@link StoreException} while it cannot be opened.
     */
    public static java.util.function.Supplier<javax.sql.DataSource> lazy(DbSettings s) {
        return new java.util.function.Supplier<>() {
            private Database open;

            @Override
            public synchronized javax.sql.DataSource get() {
                if (open == null) {
                    open = database(s);
                }
                return open.dataSource();
            }
        };
    }

    private static AgroalDataSource standalonePool(DbSettings s) {
        s.kind(); // a URL of another kind is refused with its own sentence
        try {
            return AgroalDataSource.from(
                    new AgroalDataSourceConfigurationSupplier().connectionPoolConfiguration(pool -> pool.minSize(0)
                            .maxSize(8)
                            .acquisitionTimeout(Duration.ofSeconds(30))
                            // after a network cut every idle connection is broken, and StalePool's eviction runs on
                            // the pool's own thread, later: a connection is checked before it is handed out (one
                            // round trip), and one that failed as unreachable is destroyed when it comes back
                            .validateOnBorrow(true)
                            .connectionValidator(ConnectionValidator.defaultValidatorWithTimeout(5))
                            .exceptionSorter(SqlErrors::unreachable)
                            .connectionFactoryConfiguration(cf -> {
                                cf.jdbcUrl(s.url()).loginTimeout(Duration.ofSeconds(5));
                                if (s.kind() == DbSettings.Kind.POSTGRESQL) {
                                    // a run's router rows go in as one batch of inserts: sent as multi-row inserts,
                                    // not one statement per router (the same is set for serve's datasource)
                                    cf.jdbcProperty("reWriteBatchedInserts", "true");
                                }
                                if (!s.username().isEmpty()) {
                                    cf.principal(new NamePrincipal(s.username()));
                                }
                                if (!s.password().isEmpty()) {
                                    cf.credential(new SimplePassword(s.password()));
                                }
                                return cf;
                            })));
        } catch (java.sql.SQLException e) {
            throw new StoreException(
                    "cannot set up a connection pool for " + s.safeUrl() + ": " + SqlErrors.describe(e), e);
        }
    }
}
