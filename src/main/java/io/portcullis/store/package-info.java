/**
 * The run history: every plan, apply, drift check, recovery and remediation, who ran it, what policy it
 * carried, what each router held before and after, drift events and alert deliveries, in a relational
 * database (embedded H2 by default, PostgreSQL in production).
 *
 * <p>{@link io.portcullis.store.RunStore} is the port: callers (the CLI, the service, the alert code) write and
 * read through it and never see JDBC. {@link io.portcullis.store.JdbcRunStore} implements it over any
 * {@link javax.sql.DataSource}; {@link io.portcullis.store.StoreOpener} obtains that datasource (Quarkus'
 * Agroal datasource named after the database kind inside the application, Agroal's own pool outside it) and
 * brings the schema up to date with Flyway ({@link io.portcullis.store.SchemaMigrator}, migrations in
 * {@code db/migration}). {@link io.portcullis.store.CounterSamples} is the port of serve's counter history
 * ({@code pcl_counter_sample}, migration V7: what each owned term matched per sampling interval):
 * {@link io.portcullis.store.JdbcCounterSamples} implements it, {@link io.portcullis.store.BufferedCounterSamples}
 * queues the leader's writes so sampling never waits for the database. {@link io.portcullis.store.DedicatedSession}
 * opens a PostgreSQL session outside the pool, for session-level advisory locks (leader election, router locks). The package depends on nothing else of Portcullis, so engine, alert and api code
 * can all use it without new arrows between them.
 */
package io.portcullis.store;
