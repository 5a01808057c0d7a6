/**
 * Watching routers after the fact: {@link io.portcullis.engine.drift.DriftMonitor} checks the fleet on a schedule
 * and on NETCONF config-change notifications ({@link io.portcullis.engine.drift.ChangeWatcher}), keeps each
 * router's status, raises and resolves alerts, and remediates when asked to.
 *
 * <p>May import {@code engine.apply} (remediation is an apply), {@code engine.plan}, {@code engine.router},
 * {@code engine.report}, {@code alert}, {@code diff}.
 */
package io.portcullis.engine.drift;
