/**
 * {@code portcullis serve}: the long-running service on Quarkus. {@link io.portcullis.api.PortcullisService}
 * wires the drift schedule, change notifications, alert sinks and remediation; {@link io.portcullis.api.ApiResource}
 * is the REST API under {@code /api} (apply needs a bearer token); health and metrics live under {@code /q}.
 *
 * <p>May import {@code engine} (all rooms), {@code alert}, {@code store} and {@code ha} (leader election, alert state in the
 * database; {@link io.portcullis.api.Leadership} switches the leader-only duties). Never {@code cli} (ArchitectureTest
 * {@code theServiceNeverReachesIntoTheCommandLine}); nothing below the service imports it.
 */
package io.portcullis.api;
