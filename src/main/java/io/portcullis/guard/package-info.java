/**
 * The router guard kept outside the process: {@link io.portcullis.guard.DatabaseRouterMemory} (quirks and quarantine
 * in {@code pcl_router_quirk} / {@code pcl_quarantine}, migration V5), the router locks that keep one transaction per
 * router across CLI processes, API calls and replicas: {@link io.portcullis.guard.AdvisoryRouterLocks} (PostgreSQL: a
 * session-level advisory lock per held router, in a session of the run's own, {@link
 * io.portcullis.guard.AdvisoryLockSession}), {@link io.portcullis.guard.DatabaseRouterLocks} (H2 server and in-memory
 * URLs: a row per held router in {@code pcl_router_lock}, renewed while held, taken over once expired),
 * {@link io.portcullis.guard.FileRouterLocks} (for an embedded H2 file, whose users share one host: an OS file lock per
 * router beside the database, dropped by the system when its process ends), and
 * {@link io.portcullis.guard.FileRouterMemory} (the same memory in a JSON file under the state directory when
 * recording is off). {@link io.portcullis.guard.Guards} picks them from the database settings.
 *
 * <p>May import {@code engine.memory} (the ports it implements), {@code inventory}, {@code store} (settings, the
 * datasource), {@code json}, and JDBC. Only {@code cli} and {@code api} use it.
 */
package io.portcullis.guard;
