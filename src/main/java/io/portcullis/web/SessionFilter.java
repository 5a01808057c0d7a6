package io.portcullis.web;

import io.portcullis.api.ApiTokens;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Map;

/**
 * Dashboard pages without a valid session: a browser asking for HTML is sent to the login page (303, the path it
 * wanted is not carried along: nothing but fixed paths ever lands in a Location header), the fleet JSON gets 401
 * so {@code fleet.js} can send the browser there itself.
 */
@Provider
public class SessionFilter implements ContainerRequestFilter {
    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Class<?> c = resource == null ? null : resource.getResourceClass();
        if (c == null || !c.isAnnotationPresent(SignedIn.class)) {
            return;
        }
        if (DashboardSession.roleOf(request.getCookies().get(DashboardSession.COOKIE)) != ApiTokens.Role.NONE) {
            return;
        }
        boolean json = request.getUriInfo().getPath().endsWith(".json");
        request.abortWith(
                json
                        ? Response.status(401)
                                .type(MediaType.APPLICATION_JSON)
                                .entity(Map.of("error", "sign in at /login first"))
                                .build()
                        : Response.seeOther(URI.create("/login"))
                                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                                .build());
    }
}
