package io.portcullis.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Quarkus boot over the example inventory (whose password variable is unset, so every router is reported
 * unreachable, not hidden): health, metrics, the two token roles, bad input, 202 + run follow-up, OpenAPI.
 */
@QuarkusTest
@Tag("quarkus")
@TestProfile(ServiceApiTest.Profile.class)
class ServiceApiTest {
    static final String WRITE = "Bearer s3cret-token";
    static final String READ = "Bearer r3ad-token";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.host-enabled",
                    "true",
                    "portcullis.watch.notifications",
                    "false",
                    "portcullis.api.token",
                    "s3cret-token",
                    "portcullis.api.read-token",
                    "r3ad-token",
                    "portcullis.policy",
                    "policy",
                    "portcullis.inventory",
                    "inventory",
                    "portcullis.db.url",
                    "jdbc:h2:mem:service-api-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        }
    }

    @Test
    void routersHealthAndMetricsAreServedAndNoSecretLeaks() throws Exception {
        given().header("Authorization", READ)
                .when()
                .get("/api/routers")
                .then()
                .statusCode(200)
                .body("size()", equalTo(6))
                .body("platform", everyItem(notNullValue()));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);

        given().header("Authorization", READ)
                .when()
                .get("/api/runs")
                .then()
                .statusCode(200)
                .body("format", equalTo("portcullis-history/1"));
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"));
        given().header("Authorization", READ)
                .when()
                .get("/api/runs/nope")
                .then()
                .statusCode(404);

        // the startup check reports every router, with the reason it could not be checked
        long deadline = System.currentTimeMillis() + 20_000;
        String body = "";
        while (System.currentTimeMillis() < deadline) {
            body = given().header("Authorization", READ)
                    .when()
                    .get("/api/drift")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            if (body.contains("PORTCULLIS_BNG_PASSWORD") && body.split("PORTCULLIS_BNG_PASSWORD", -1).length > 6) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(body)
                .contains("\"format\":\"portcullis-drift/1\"")
                .contains("\"state\":\"ERROR\"")
                .contains("PORTCULLIS_BNG_PASSWORD");
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("portcullis_routers{state=\"unreachable\"} 6.0"))
                .body(containsString("portcullis_last_full_check_timestamp_seconds"))
                .body(containsString(
                        "portcullis_router_info{platform=\"junos\",router=\"bng-tor-01\",state=\"unreachable\"} 1.0"))
                .body(containsString("portcullis_notification_subscriptions 0.0")); // none of the six is reachable
        // D.6 #47: the API tokens (secrets from config) are in no answer and in no metric
        for (String path :
                new String[] {"/q/metrics", "/api/routers", "/api/drift", "/api/runs", "/q/health", "/q/openapi"}) {
            String answer = given().header("Authorization", READ)
                    .when()
                    .get(path)
                    .then()
                    .extract()
                    .asString();
            assertThat(answer).as(path).doesNotContain("s3cret-token").doesNotContain("r3ad-token");
        }
    }

    @Test
    void everyApiCallNeedsATokenAndOnlyTheFullTokenMayApply() {
        Response none = given().when().get("/api/routers");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(none.jsonPath().getString("error")).contains("bearer token");
        given().header("Authorization", "Bearer wrong")
                .when()
                .get("/api/runs")
                .then()
                .statusCode(401)
                .body("error", containsString("not valid"));
        given().header("Authorization", "r3ad-token")
                .when()
                .get("/api/runs")
                .then()
                .statusCode(401); // no "Bearer "
        given().header("Authorization", READ).when().get("/api/runs").then().statusCode(200);
        given().header("Authorization", WRITE).when().get("/api/runs").then().statusCode(200);

        given().header("Authorization", READ)
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/apply")
                .then()
                .statusCode(403)
                .body("error", containsString("read token"));
        given().header("Authorization", READ)
                .when()
                .post("/api/drift/check")
                .then()
                .statusCode(403);
        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/api/apply")
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer wrong")
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/apply")
                .then()
                .statusCode(401);
        given().header("Authorization", READ)
                .when()
                .post("/api/plan")
                .then()
                .statusCode(200)
                .body("routers.size()", equalTo(6));
        // health and metrics stay open for probes and Prometheus
        given().when().get("/q/health").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void badApplyInputIsA400WithOneSentenceNeverA500() {
        String[][] cases = {
            {"{\"routers\":[null]}", "'routers' entry 1 is empty"},
            {"{\"routers\":[\"\"]}", "'routers' entry 1 is empty"},
            {"{\"routers\":[\"no-such-router\"]}", "router 'no-such-router' in 'routers' is not in the inventory"},
            {"{\"routers\":\"bng-tor-01\"}", "wrong value at 'routers"},
            {"{\"parallel\":\"many\"}", "wrong value at 'parallel'"},
            {"{\"routers\":[", "the request body"},
            {"{\"routers\":[1,", "the request body"},
            {"{\"parallel\":-1}", "parallel"},
            {"{\"canary\":-2}", "canary"},
        };
        for (String[] c : cases) {
            Response r = given().header("Authorization", WRITE)
                    .contentType("application/json")
                    .body(c[0])
                    .when()
                    .post("/api/apply");
            assertThat(r.statusCode()).as(c[0] + " -> " + r.asString()).isEqualTo(400);
            assertThat(r.jsonPath().getString("error"))
                    .as(c[0])
                    .contains(c[1])
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void applyAnswers202AtOnceAndTheRunIsFollowedToItsEnd() throws Exception {
        Response started = given().header("Authorization", WRITE)
                .contentType("application/json")
                .body("{\"routers\":[\"bng-tor-01\"]}")
                .when()
                .post("/api/apply");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(202);
        String id = started.jsonPath().getString("runId");
        assertThat(started.header("Location")).endsWith("/api/runs/" + id);
        assertThat(started.jsonPath().getString("href")).isEqualTo("/api/runs/" + id);

        long until = System.currentTimeMillis() + 30_000;
        Response run;
        do {
            run = given().header("Authorization", READ).when().get("/api/runs/" + id);
            assertThat(run.statusCode()).isEqualTo(200);
            Thread.sleep(100);
        } while ("RUNNING".equals(run.jsonPath().getString("state")) && System.currentTimeMillis() < until);
        // the router's password variable is unset, so the run ends FAILED with the reason, not with a hung request
        assertThat(run.jsonPath().getString("state")).isEqualTo("FAILED");
        assertThat(run.jsonPath().getString("report.runId")).isEqualTo(id);
        assertThat(run.jsonPath().getList("report.routers.router")).containsExactly("bng-tor-01");
        assertThat(run.jsonPath().getString("report.routers[0].state")).isEqualTo("FAILED_NOT_APPLIED");
        // the history database has the same run under the same id (written through the buffered store, so poll)
        List<String> recorded = List.of();
        for (long t = System.currentTimeMillis() + 10_000;
                !recorded.contains(id) && System.currentTimeMillis() < t;
                Thread.sleep(100)) {
            recorded = given().header("Authorization", READ)
                    .when()
                    .get("/api/runs")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("runs.id");
        }
        assertThat(recorded).contains(id);
        given().header("Authorization", READ)
                .when()
                .get("/api/runs/nope")
                .then()
                .statusCode(404);
    }

    @Test
    void openApiDocumentDescribesTheApiAndItsBearerScheme() {
        String doc = given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(doc)
                .contains("/api/apply")
                .contains("/api/runs/{id}")
                .contains("/api/routers")
                .contains("\"bearer\"")
                .contains("Portcullis API");
    }

    @Test
    void metricsHaveTheNamesAndTypesTheRulesAndDashboardUse() throws Exception {
        given().header("Authorization", READ).when().get("/api/routers").then().statusCode(200); // starts the service
        String scrape = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "serve-metrics.txt"), scrape);
        assertThat(scrape)
                .contains("# TYPE portcullis_check_latency_seconds histogram")
                .contains("# TYPE portcullis_full_check_duration_seconds histogram")
                .doesNotContainPattern("# TYPE portcullis_\\S+ summary")
                .contains("portcullis_check_latency_seconds_bucket{trigger=\"notification\",le=\"0.05\"} 0.0")
                .contains("portcullis_apply_outcomes_total{state=\"ROLLBACK_FAILED\"} 0.0")
                .contains("portcullis_apply_outcomes_total{state=\"APPLIED\"} 0.0")
                .contains("portcullis_router_last_check_timestamp_seconds{router=\"agg-van-02\"}")
                .contains("portcullis_drift_period_seconds 300.0")
                .containsPattern("portcullis_build_info\\{java_version=\"[^\"]+\",version=\"[^\"]+\"} 1.0");
        assertThat(scrape.lines()
                        .filter(l -> l.startsWith("portcullis_router_info{"))
                        .count())
                .as("one series per router")
                .isEqualTo(6);
        java.util.Set<String> exported = scrape.lines()
                .filter(l -> l.startsWith("portcullis_"))
                .map(l -> l.replaceAll("[{ ].*", ""))
                .collect(java.util.stream.Collectors.toSet());
        for (String file :
                new String[] {"deploy/prometheus/portcullis-rules.yaml", "deploy/grafana/portcullis-dashboard.json"}) {
            java.util.Set<String> referenced = java.util.regex.Pattern.compile("portcullis_[a-z_]+[a-z]")
                    .matcher(java.nio.file.Files.readString(java.nio.file.Path.of(file)))
                    .results()
                    .map(java.util.regex.MatchResult::group)
                    .collect(java.util.stream.Collectors.toSet());
            assertThat(referenced).as(file + " references metrics").isNotEmpty();
            assertThat(exported)
                    .as(file + " references only metrics the service exports")
                    .containsAll(referenced);
        }
    }

    @Test
    void listensOnLoopbackByDefault() {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.http.host", String.class))
                .isEqualTo("127.0.0.1");
    }
}
