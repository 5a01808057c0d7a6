package io.portcullis.web;

import io.portcullis.api.ApiTokens;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The dashboard's session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it,
 * which also makes POST /logout safe without a CSRF token), Secure when the page was reached over HTTPS (directly
 * or through a proxy saying {@code X-Forwarded-Proto: https}). Its value is derived from the token, never the token
 * ({@link ApiTokens#sessionFor}); it lasts {@code portcullis.dashboard.session-max-age} (default 12h).
 */
final class DashboardSession {
    static final String COOKIE = "portcullis_session";

    private DashboardSession() {}

    static ApiTokens tokens() {
        // read every time: cheap, and a test profile or a restart with new tokens is seen at once
        return ApiTokens.fromConfig();
    }

    static ApiTokens.Role roleOf(jakarta.ws.rs.core.Cookie cookie) {
        return tokens().roleOfSession(cookie == null ? null : cookie.getValue());
    }

    static boolean secure(UriInfo uri, HttpHeaders headers) {
        String proto = headers.getHeaderString("X-Forwarded-Proto");
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme())
                || "https".equalsIgnoreCase(proto == null ? null : proto.trim());
    }

    static NewCookie open(String value, boolean secure) {
        Duration maxAge = ConfigProvider.getConfig()
                .getOptionalValue("portcullis.dashboard.session-max-age", Duration.class)
                .orElse(Duration.ofHours(12));
        return cookie(value, (int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds()), secure);
    }

    static NewCookie cleared(boolean secure) {
        return cookie("", 0, secure);
    }

    private static NewCookie cookie(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path("/")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
