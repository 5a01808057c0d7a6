/**
 * The NOC dashboard that {@code serve} shows at {@code /} on its HTTP port, read-only: a login page that turns
 * the read (or full) API token into an HttpOnly, SameSite=Strict session cookie ({@link io.portcullis.web.LoginResource},
 * {@link io.portcullis.web.DashboardSession}); the fleet ({@link io.portcullis.web.DashboardResource}, polled by
 * {@code /dashboard/fleet.js}); one router's drift, impact, diff, drops and runs
 * ({@link io.portcullis.web.RouterPageResource}, {@link io.portcullis.web.DropChart}); the run history
 * ({@link io.portcullis.web.RunsResource}). Server-side Qute templates under {@code templates/dashboard/}, static
 * files under {@code META-INF/resources/dashboard/}; no JavaScript framework, nothing from a CDN.
 *
 * <p>May import {@code api} (the service, tokens, drop history), {@code store} (history queries), and the read side
 * of {@code engine} ({@code engine}, {@code engine.drift}), plus {@code intent} and {@code inventory} records they
 * carry. Never {@code netconf}, {@code platform}, {@code lab}, {@code cli} or the engine rooms that change routers
 * (ArchitectureTest {@code theDashboardOnlyReads}). Nothing imports it.
 */
package io.portcullis.web;
