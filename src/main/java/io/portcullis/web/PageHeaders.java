package io.portcullis.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Browser protections on every dashboard answer: scripts, styles and fetches from this origin only (the pages use no
 * inline script or style), no framing (clickjacking), no referrer, no MIME sniffing.
 */
@Provider
public class PageHeaders implements ContainerResponseFilter {
    static final String CSP =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                    + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Class<?> c = resource == null ? null : resource.getResourceClass();
        if (c == null || !(c.isAnnotationPresent(SignedIn.class) || c == LoginResource.class)) {
            return;
        }
        var h = response.getHeaders();
        h.putSingle("Content-Security-Policy", CSP);
        h.putSingle("X-Frame-Options", "DENY");
        h.putSingle("Referrer-Policy", "no-referrer");
        h.putSingle("X-Content-Type-Options", "nosniff");
    }
}
