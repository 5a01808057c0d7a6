package io.portcullis.web;

import io.portcullis.api.ApiTokens;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * Signing in to the dashboard: a form posting the read token (the full token works too) in the request body, never
 * in the URL, and nothing of it logged. A right token gets the session cookie and a 303 to the fleet; a wrong
 * one gets the form again with 401. {@code GET /login} never signs anyone in, whatever its query says.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {
    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Path("login")
    public Response form() {
        return page(200, null);
    }

    @POST
    @Path("login")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("token") String token) {
        ApiTokens tokens = DashboardSession.tokens();
        if (!tokens.anyConfigured()) {
            return page(
                    403, "the dashboard is disabled until portcullis.api.read-token (or portcullis.api.token) is set");
        }
        String session = tokens.sessionFor(token == null ? null : token.trim());
        if (session == null) {
            return page(401, token == null || token.isBlank() ? "enter the read token" : "that token is not valid");
        }
        return Response.seeOther(URI.create("/"))
                .cookie(DashboardSession.open(session, DashboardSession.secure(uri, headers)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @POST
    @Path("logout")
    public Response signOut() {
        return Response.seeOther(URI.create("/login"))
                .cookie(DashboardSession.cleared(DashboardSession.secure(uri, headers)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private Response page(int status, String error) {
        boolean enabled = DashboardSession.tokens().anyConfigured();
        String shown = error != null
                ? error
                : enabled
                        ? null
                        : "the dashboard is disabled until portcullis.api.read-token (or portcullis.api.token) is set";
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(Pages.login(shown, enabled).render())
                .build();
    }
}
