package io.portcullis.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The one Quarkus boot of the engine's tests: health, metrics, REST and the token guard, over the
 * example inventory (whose password variable is unset, so every router is reported, not hidden).
 */
@QuarkusTest
@Tag("quarkus")
@TestProfile(ServiceApiTest.Profile.class)
class ServiceApiTest {
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.host-enabled", "true", "portcullis.watch.notifications", "false",
                    "portcullis.api.token", "s3cret-token", "portcullis.policy", "policy", "portcullis.inventory", "inventory",
                    "portcullis.db.url", "jdbc:h2:mem:service-api-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        }
    }

    @Test
    void routersHealthMetricsAndTokenGuard() throws Exception {
        given().when().get("/api/routers").then().statusCode(200).body("size()", equalTo(6))
                .body("platform", everyItem(org.hamcrest.Matchers.notNullValue()));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);

        given().contentType("application/json").body("{}").when().post("/api/apply").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").contentType("application/json").body("{}").when().post("/api/apply")
                .then().statusCode(401).body("error", containsString("bearer token"));
        given().when().get("/api/runs").then().statusCode(200).body("format", equalTo("portcullis-history/1"));
        given().when().get("/q/health/ready").then().statusCode(200).body("checks.find { it.name == 'database' }.status", equalTo("UP"));
        given().when().get("/api/runs/nope").then().statusCode(404);

        // the startup check reports every router, with the reason it could not be checked
        long deadline = System.currentTimeMillis() + 20_000;
        String body = "";
        while (System.currentTimeMillis() < deadline) {
            body = given().when().get("/api/drift").then().statusCode(200).extract().asString();
            if (body.contains("PORTCULLIS_BNG_PASSWORD")) {
                break;
            }
            Thread.sleep(200);
        }
        org.assertj.core.api.Assertions.assertThat(body).contains("\"status\":\"error\"").contains("PORTCULLIS_BNG_PASSWORD");
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("portcullis_routers{state=\"unreachable\"} 6.0"))
                .body(containsString("portcullis_last_full_check_timestamp_seconds"))
                .body(containsString("portcullis_notification_subscriptions 0.0")); // none of the six is reachable
        // D.6 #47: the API token (a secret from config) is in no read-only answer and in no metric
        for (String path : new String[] {"/q/metrics", "/api/routers", "/api/drift", "/api/runs", "/q/health"}) {
            org.assertj.core.api.Assertions.assertThat(given().when().get(path).then().extract().asString()).as(path)
                    .doesNotContain("s3cret-token");
        }
    }
}
