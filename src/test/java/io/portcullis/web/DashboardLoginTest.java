package io.portcullis.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.engine.memory.Quarantine;
import io.portcullis.engine.memory.RouterMemory;
import io.portcullis.guard.Guards;
import io.portcullis.store.DbSettings;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's sign-in over real HTTP: the cookie's flags, wrong tokens, pages without a session, and that the
 * token never appears in a URL, a Location header, a cookie, a page or a log record. Also the quarantine (issue 13 item
 * 3) as serve reads it from the database: badge, count, filter and {@code /fleet.json} on the fleet page, the notice on
 * the router page, gone once released.
 */
@QuarkusTest
@Tag("quarkus")
@TestProfile(DashboardLoginTest.Profile.class)
class DashboardLoginTest {
    static final String READ = "Dash-Read-Token-8d1f";
    static final String WRITE = "Dash-Write-Token-77aa";
    static final String DB_URL =
            "jdbc:h2:mem:dashboard-login-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    static final RestAssuredConfig NO_REDIRECTS =
            RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.host-enabled",
                    "true",
                    "portcullis.watch.notifications",
                    "false",
                    "portcullis.api.token",
                    WRITE,
                    "portcullis.api.read-token",
                    READ,
                    "portcullis.policy",
                    "policy",
                    "portcullis.inventory",
                    "inventory",
                    "portcullis.db.url",
                    DB_URL,
                    // the quarantine test changes it through another process and looks at once: no read cache
                    // (QuarantineReadCacheTest tests the cache)
                    "portcullis.quarantine.read-cache",
                    "0s");
        }
    }

    private static Response login(String token, String forwardedProto) {
        var req = given().config(NO_REDIRECTS)
                .contentType("application/x-www-form-urlencoded")
                .formParam("token", token);
        if (forwardedProto != null) {
            req = req.header("X-Forwarded-Proto", forwardedProto);
        }
        return req.when().post("/login");
    }

    @Test
    void pagesWithoutASessionGoToTheLoginPageAndJsonGets401() {
        for (String page : List.of("/", "/runs", "/routers/anything", "/?state=drifted&wall=1")) {
            Response r = given().config(NO_REDIRECTS).when().get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(303);
            assertThat(r.header("Location")).as(page).endsWith("/login");
        }
        given().config(NO_REDIRECTS).when().get("/fleet.json").then().statusCode(401);
        given().config(NO_REDIRECTS)
                .cookie(DashboardSession.COOKIE, "00".repeat(32))
                .when()
                .get("/fleet.json")
                .then()
                .statusCode(401);
        given().config(NO_REDIRECTS)
                .cookie(DashboardSession.COOKIE, READ)
                .when()
                .get("/")
                .then()
                .statusCode(303);
        Response login = given().when().get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.header("Content-Security-Policy"))
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(login.header("X-Frame-Options")).isEqualTo("DENY");
        String form = login.asString();
        assertThat(form).contains("<form method=\"post\" action=\"/login\"").contains("type=\"password\"");
    }

    @Test
    void theReadTokenOpensASessionCookieThatIsHttpOnlyStrictAndNotTheToken() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(String.valueOf(r.getMessage()) + " " + java.util.Arrays.toString(r.getParameters()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            Response ok = login(READ, null);
            assertThat(ok.statusCode()).isEqualTo(303);
            assertThat(ok.header("Location")).endsWith("/").doesNotContain(READ);
            String setCookie = ok.header("Set-Cookie");
            assertThat(setCookie)
                    .startsWith(DashboardSession.COOKIE + "=")
                    .contains("HttpOnly")
                    .containsIgnoringCase("SameSite=Strict")
                    .contains("Path=/")
                    .doesNotContain("Secure")
                    .doesNotContain(READ);
            String session = ok.cookie(DashboardSession.COOKIE);
            assertThat(session).hasSize(64).doesNotContain(READ);

            String page = given().config(NO_REDIRECTS)
                    .cookie(DashboardSession.COOKIE, session)
                    .when()
                    .get("/")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(page)
                    .contains("<table id=\"fleet\"")
                    .doesNotContain(READ)
                    .doesNotContain(WRITE);
            given().cookie(DashboardSession.COOKIE, session)
                    .when()
                    .get("/fleet.json")
                    .then()
                    .statusCode(200);
            // the dashboard session does not open the REST API (it is not a bearer token)
            given().header("Authorization", "Bearer " + session)
                    .when()
                    .get("/api/routers")
                    .then()
                    .statusCode(401);

            // behind an HTTPS proxy the cookie is Secure too; the full token signs in as well
            assertThat(login(WRITE, "https").header("Set-Cookie"))
                    .contains("Secure")
                    .contains("HttpOnly")
                    .doesNotContain(WRITE);
        } finally {
            root.removeHandler(capture);
        }
        assertThat(logged).noneMatch(l -> l.contains(READ) || l.contains(WRITE));
    }

    @Test
    void aWrongTokenGets401AndNoCookieAndGetNeverSignsIn() {
        Response wrong = login("not-the-token", null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.header("Set-Cookie")).isNull();
        assertThat(wrong.asString()).contains("that token is not valid").doesNotContain("not-the-token");
        assertThat(login("", null).statusCode()).isEqualTo(401);
        // a token in the URL is ignored: GET /login only shows the form
        Response viaUrl = given().config(NO_REDIRECTS).when().get("/login?token=" + READ);
        assertThat(viaUrl.statusCode()).isEqualTo(200);
        assertThat(viaUrl.header("Set-Cookie")).isNull();
        assertThat(viaUrl.asString()).doesNotContain(READ);
    }

    @Test
    void aQuarantinedRouterShowsItsBadgeCountAndNoticeFromTheDatabaseUntilReleased() {
        String session = login(READ, null).cookie(DashboardSession.COOKIE);
        String hostile = "ROLLBACK_FAILED: cancel-commit failed <script>alert('q')</script> \"quoted\"";
        // recorded in the database as a CLI run (or another replica) would: serve reads it from there, not from its
        // memory
        try (Guards.Opened g = Guards.open(new DbSettings(true, DB_URL, null, null, null), "cli")) {
            RouterMemory m = g.guard().memory();
            m.quarantine(new Quarantine(
                    "bng-tor-01",
                    null,
                    "ROLLBACK_FAILED",
                    hostile,
                    "run-q-1",
                    "alice",
                    Instant.parse("2025-01-02T03:04:05Z")));
            try {
                String fleet = page(session, "/");
                String row = row(fleet, "bng-tor-01");
                assertThat(row)
                        .contains("class=\"badge quarantine\"")
                        .contains("<span class=\"text\">quarantined</span>")
                        .contains("⛔")
                        .contains("run-q-1")
                        .contains("alice")
                        .contains("ROLLBACK_FAILED")
                        .contains("2025-01-02 03:04:05 UTC");
                assertThat(row(fleet, "bng-tor-02")).doesNotContain("quarantine");
                assertThat(fleet)
                        .contains("<span class=\"n\" data-count=\"quarantined\">1</span> quarantined")
                        .doesNotContain("<script>alert")
                        .contains("&lt;script&gt;alert(&#39;q&#39;)&lt;/script&gt; &quot;quoted&quot;");

                JsonPath json = given().cookie(DashboardSession.COOKIE, session)
                        .when()
                        .get("/fleet.json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                assertThat(json.getInt("quarantined")).isEqualTo(1);
                assertThat(json.getBoolean("rows.find { it.router == 'bng-tor-01' }.quarantined"))
                        .isTrue();
                assertThat(json.getString("rows.find { it.router == 'bng-tor-01' }.quarantine"))
                        .contains("run-q-1")
                        .contains("alice")
                        .contains("ROLLBACK_FAILED")
                        .contains(hostile);
                assertThat(json.getBoolean("rows.find { it.router == 'bng-tor-02' }.quarantined"))
                        .isFalse();
                assertThat(json.getString("rows.find { it.router == 'bng-tor-02' }.quarantine"))
                        .isEmpty();
                JsonPath only = given().cookie(DashboardSession.COOKIE, session)
                        .when()
                        .get("/fleet.json?quarantined=1")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                assertThat(only.getList("rows.router")).containsExactly("bng-tor-01");
                String filtered = page(session, "/?quarantined=1");
                assertThat(filtered)
                        .contains("data-router=\"bng-tor-01\"")
                        .doesNotContain("data-router=\"bng-tor-02\"")
                        .contains("name=\"quarantined\" value=\"1\" checked");

                String router = page(session, "/routers/bng-tor-01");
                assertThat(router)
                        .contains("id=\"quarantine\"")
                        .contains("id=\"router-quarantined\"")
                        .contains("<time datetime=\"2025-01-02T03:04:05Z\">2025-01-02 03:04:05 UTC</time>")
                        .contains("<a href=\"/runs/run-q-1\">run-q-1</a>")
                        .contains("<strong>alice</strong>")
                        .contains("<strong>ROLLBACK_FAILED</strong>")
                        .contains("<code>portcullis quarantine release bng-tor-01</code>")
                        .contains("--include-quarantined")
                        .contains("&lt;script&gt;alert(&#39;q&#39;)&lt;/script&gt;")
                        .doesNotContain("<script>alert");
                assertThat(page(session, "/routers/bng-tor-02"))
                        .doesNotContain("id=\"quarantine\"")
                        .doesNotContain("badge quarantine");
            } finally {
                assertThat(m.release("bng-tor-01")).isTrue();
            }
        }
        String fleet = page(session, "/");
        assertThat(row(fleet, "bng-tor-01")).doesNotContain("quarantine");
        assertThat(fleet)
                .contains("<span class=\"n\" data-count=\"quarantined\">0</span> quarantined")
                .doesNotContain("run-q-1");
        JsonPath json = given().cookie(DashboardSession.COOKIE, session)
                .when()
                .get("/fleet.json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getInt("quarantined")).isZero();
        assertThat(json.getBoolean("rows.find { it.router == 'bng-tor-01' }.quarantined"))
                .isFalse();
        assertThat(page(session, "/routers/bng-tor-01"))
                .doesNotContain("id=\"quarantine\"")
                .doesNotContain("run-q-1");
    }

    private static String page(String session, String path) {
        return given().config(NO_REDIRECTS)
                .cookie(DashboardSession.COOKIE, session)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static String row(String page, String router) {
        int at = page.indexOf("<tr data-router=\"" + router + "\"");
        assertThat(at).as(router + "'s row").isNotNegative();
        return page.substring(at, page.indexOf("</tr>", at));
    }

    @Test
    void logoutClearsTheCookie() {
        Response out = given().config(NO_REDIRECTS).when().post("/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).endsWith("/login");
        assertThat(out.header("Set-Cookie"))
                .startsWith(DashboardSession.COOKIE + "=;")
                .contains("Max-Age=0")
                .contains("HttpOnly");
    }
}
