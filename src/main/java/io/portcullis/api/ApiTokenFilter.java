package io.portcullis.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every /api call needs a bearer token (health and metrics live under /q and stay open): the read token
 * or the full token for reading and plan, the full token for {@link WriteAccess} endpoints. 401 when the
 * token is missing or wrong, 403 when it is right but may only read, or when no token is configured.
 */
@Provider
public class ApiTokenFilter implements ContainerRequestFilter {
    @Context
    ResourceInfo resource;

    private volatile ApiTokens tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource == null
                || resource.getResourceClass() == null
                || !ApiResource.class.isAssignableFrom(resource.getResourceClass())) {
            return;
        }
        ApiTokens t = tokens();
        boolean write = resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(WriteAccess.class);
        if (write && !t.writeConfigured()) {
            request.abortWith(error(
                    403,
                    "this endpoint is disabled: set portcullis.api.token (env PORTCULLIS_API_TOKEN) to enable it"));
            return;
        }
        if (!t.anyConfigured()) {
            request.abortWith(error(
                    403,
                    "the API is disabled: set portcullis.api.read-token and/or portcullis.api.token "
                            + "(env PORTCULLIS_API_READ_TOKEN, PORTCULLIS_API_TOKEN) to enable it"));
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : null;
        ApiTokens.Role role = t.roleOf(presented);
        if (role == ApiTokens.Role.NONE) {
            request.abortWith(Response.fromResponse(error(
                            401,
                            presented == null
                                    ? "this endpoint needs a bearer token (Authorization: Bearer …)"
                                    : "the bearer token is not valid"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"portcullis\"")
                    .build());
        } else if (write && role != ApiTokens.Role.WRITE) {
            request.abortWith(
                    error(403, "the read token may only read and plan; this endpoint needs portcullis.api.token"));
        }
    }

    private ApiTokens tokens() {
        ApiTokens t = tokens;
        if (t == null) {
            var c = ConfigProvider.getConfig();
            t = new ApiTokens(
                    ServiceConfig.secret(c, "portcullis.api.token"),
                    ServiceConfig.secret(c, "portcullis.api.read-token"));
            tokens = t;
        }
        return t;
    }

    static Response error(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message))
                .build();
    }
}
