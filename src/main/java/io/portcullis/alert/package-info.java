/**
 * Alerts: what a drift check found becomes firing and resolved alerts ({@link io.portcullis.alert.DriftAlerter}),
 * kept in an {@link io.portcullis.alert.AlertStateStore} (in memory now, a database later) so a restart neither
 * re-fires nor forgets one, and delivered to sinks (log, generic webhook in the Alertmanager webhook envelope,
 * Alertmanager v2 API with periodic re-send, Slack) with retries and backoff ({@link io.portcullis.alert.AlertDelivery}).
 * Depends on nothing else in Portcullis: the engine feeds it observations.
 *
 * <p>May import {@code json} only. {@code engine.drift} and the service call it; it calls neither. Alert URLs may
 * carry secrets: they never appear in messages or exceptions.
 */
package io.portcullis.alert;
