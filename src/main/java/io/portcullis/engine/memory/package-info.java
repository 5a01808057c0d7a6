/**
 * What Portcullis keeps about routers between runs, as ports the engine calls: quirks found out and worked around
 * ({@link io.portcullis.engine.memory.Quirk}), quarantine of routers left in a state a person must look at
 * ({@link io.portcullis.engine.memory.Quarantine}), and the router lock that serialises transactions on one router
 * across CLI runs, API calls and remediation ({@link io.portcullis.engine.memory.RouterLocks}).
 * {@link io.portcullis.engine.memory.RouterGuard} bundles them for one caller. The in-process implementations here
 * serve tests and a single JVM; {@code io.portcullis.guard} implements the ports over the database or a state file.
 *
 * <p>May import: {@code inventory} (the router's address, the lock key). No other engine room, no JDBC.
 */
package io.portcullis.engine.memory;
