package io.portcullis.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.compile.CompiledRouter;
import io.portcullis.engine.Workspace;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Term;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.platform.registry.Platforms;
import io.portcullis.testing.HttpReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * serve over a real SSH lab fleet, with a local receiver as webhook bridge and Alertmanager: an API apply that
 * outlives its 202, metrics per router, an out-of-band drift re-sent to Alertmanager every resend interval and
 * resolved with endsAt, and a router that goes away raising PortcullisRouterUnreachable after two failed checks.
 */
@QuarkusTest
@Tag("quarkus")
@TestProfile(ServeLabTest.Profile.class)
@QuarkusTestResource(value = LabServeResource.class, restrictToAnnotatedClass = true)
class ServeLabTest {
    static final String WRITE = "Bearer lab-write";

    @jakarta.inject.Inject
    PortcullisService service;

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.host-enabled",
                    "true",
                    "portcullis.watch.notifications",
                    "false",
                    "portcullis.api.token",
                    "lab-write",
                    "portcullis.policy",
                    "policy");
        }
    }

    private static Response follow(String runId) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        Response run;
        do {
            Thread.sleep(100);
            run = given().header("Authorization", WRITE).when().get("/api/runs/" + runId);
        } while ("RUNNING".equals(run.jsonPath().getString("state")) && System.currentTimeMillis() < until);
        return run;
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static void check() {
        given().header("Authorization", WRITE)
                .when()
                .post("/api/drift/check")
                .then()
                .statusCode(200);
    }

    private static boolean isAlert(HttpReceiver.Request r, String path, String alertname, String router) {
        if (!r.path().equals(path) || r.answeredWith() != 200) {
            return false;
        }
        JsonNode a = path.equals("/am/api/v2/alerts")
                ? r.body().get(0)
                : r.body().get("alerts").get(0);
        return a.get("labels").get("alertname").asText().equals(alertname)
                && a.get("labels").get("router").asText().equals(router);
    }

    @Test
    void applyDriftResendResolveAndUnreachableOnALabFleet() throws Exception {
        HttpReceiver receiver = LabServeResource.receiver;
        List<String> names = given().header("Authorization", WRITE)
                .when()
                .get("/api/routers")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("router");
        assertThat(names).hasSize(3);

        // a REST plan is a recorded run like the CLI's plan and the REST apply: kind plan, the API caller, every router
        // with its changes and packet-fate delta (before the apply below, each of the three has changes to make)
        Response plan = given().header("Authorization", WRITE).when().post("/api/plan");
        assertThat(plan.statusCode()).as(plan.asString()).isEqualTo(200);
        assertThat(plan.jsonPath().getList("routers.state"))
                .containsOnly("CHANGES")
                .hasSize(3);
        List<String> plans = List.of();
        for (long t = System.currentTimeMillis() + 10_000;
                plans.isEmpty() && System.currentTimeMillis() < t;
                Thread.sleep(100)) {
            // the buffered store writes in the background: poll until the finished run is there
            plans = given().header("Authorization", WRITE)
                    .when()
                    .get("/api/runs?kind=plan")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("runs.findAll { it.exitCode != null }.id");
        }
        assertThat(plans).as("POST /api/plan recorded as one run").hasSize(1);
        Response listed = given().header("Authorization", WRITE).when().get("/api/runs?kind=plan");
        assertThat(listed.jsonPath().getString("runs[0].actor")).isEqualTo("api:api");
        assertThat(listed.jsonPath().getString("runs[0].apiCaller")).isEqualTo("api");
        assertThat(listed.jsonPath().getInt("runs[0].exitCode")).isEqualTo(2);
        io.portcullis.store.HistoryRun recorded =
                service.store().run(plans.get(0)).orElseThrow();
        assertThat(recorded.kind()).isEqualTo("plan");
        assertThat(recorded.actor()).isEqualTo("api:api");
        assertThat(recorded.policyDigest()).isEqualTo(plan.jsonPath().getString("policyDigest"));
        assertThat(recorded.options()).containsKey("parallel");
        assertThat(recorded.routers())
                .extracting(io.portcullis.store.HistoryRun.Router::router)
                .containsExactlyInAnyOrderElementsOf(names);
        assertThat(recorded.routers()).allSatisfy(x -> {
            assertThat(x.state()).isEqualTo("CHANGES");
            assertThat(x.changes()).isNotEmpty();
            assertThat(x.impact()).anyMatch(i -> i.contains("forwarded → dropped"));
        });
        assertThat(given().header("Authorization", WRITE)
                        .when()
                        .get("/api/runs/" + plans.get(0))
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("runs[0].routers.state"))
                .containsOnly("CHANGES")
                .hasSize(3);

        // a slow commit on one router: the 202 comes back at once, the run is followed to its end
        SimDevice slow = LabServeResource.fleet.device(0);
        // 5 s: long enough that the 202 comes back well before it even on a loaded 2-core machine (1.5 s was not)
        slow.faults().delay("commit", Duration.ofSeconds(5));
        long t0 = System.nanoTime();
        Response started = given().header("Authorization", WRITE)
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/apply");
        long answeredMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(202);
        assertThat(answeredMs).as("202 before the 5 s commit finished").isLessThan(4000);
        String runId = started.jsonPath().getString("runId");
        assertThat(given().header("Authorization", WRITE)
                        .when()
                        .get("/api/runs/" + runId)
                        .jsonPath()
                        .getString("state"))
                .isEqualTo("RUNNING");
        Response run = follow(runId);
        slow.faults().clear();
        assertThat(run.jsonPath().getString("state")).as(run.asString()).isEqualTo("SUCCEEDED");
        assertThat(run.jsonPath().getList("report.routers.state"))
                .containsOnly("APPLIED")
                .hasSize(3);
        check();
        for (String n : names) {
            assertThat(metrics()).contains("router=\"" + n + "\",state=\"in_policy\"} 1.0");
        }
        assertThat(metrics()).contains("portcullis_apply_outcomes_total{state=\"APPLIED\"} 3.0");

        // an out-of-band change on one router: drift alert, re-sent to Alertmanager every 2 s, the webhook told once
        String victim = names.get(1);
        SimDevice device = LabServeResource.fleet.device(victim);
        Thread.sleep(500);
        receiver.clear();
        device.outOfBandEdit(
                Platforms.get(device.platform()).renderConfig(withoutLastTerm(intentOf(victim))), "mallory");
        check();
        assertThat(metrics()).contains("router=\"" + victim + "\",state=\"drifted\"} 1.0");
        assertThat(metrics()
                        .lines()
                        .filter(l -> l.startsWith("portcullis_router_info{") && l.contains(victim))
                        .count())
                .isEqualTo(1);
        HttpReceiver.Request firing =
                receiver.await(r -> isAlert(r, "/hook", "PortcullisPolicyDrift", victim), Duration.ofSeconds(5));
        assertThat(firing).isNotNull();
        JsonNode envelope = firing.body();
        assertThat(envelope.get("version").asText()).isEqualTo("4");
        assertThat(envelope.get("status").asText()).isEqualTo("firing");
        assertThat(envelope.get("groupKey").asText())
                .contains("PortcullisPolicyDrift")
                .contains(victim);
        assertThat(envelope.at("/alerts/0/generatorURL").asText()).endsWith("/api/routers/" + victim);
        assertThat(envelope.at("/alerts/0/annotations/impact").asText()).contains("toward subscribers");
        Thread.sleep(10_000);
        List<HttpReceiver.Request> am = receiver.requests().stream()
                .filter(r -> isAlert(r, "/am/api/v2/alerts", "PortcullisPolicyDrift", victim))
                .toList();
        assertThat(am.size()).as("open drift re-sent to Alertmanager every 2 s").isGreaterThanOrEqualTo(3);
        assertThat(am).allMatch(r -> !r.body().get(0).has("endsAt"));
        assertThat(am)
                .extracting(r -> r.body().get(0).get("startsAt").asText())
                .containsOnly(am.get(0).body().get(0).get("startsAt").asText());
        assertThat(receiver.requests().stream().filter(r -> isAlert(r, "/hook", "PortcullisPolicyDrift", victim)))
                .as("webhook once")
                .hasSize(1);

        // re-applied through the API: resolved, with endsAt, at both receivers
        follow(given().header("Authorization", WRITE)
                .contentType("application/json")
                .body("{\"routers\":[\"" + victim + "\"]}")
                .when()
                .post("/api/apply")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("runId"));
        HttpReceiver.Request resolved = receiver.await(
                r -> isAlert(r, "/am/api/v2/alerts", "PortcullisPolicyDrift", victim)
                        && r.body().get(0).has("endsAt"),
                Duration.ofSeconds(10));
        assertThat(resolved).as("Alertmanager gets endsAt on resolve").isNotNull();
        assertThat(receiver.await(
                        r -> isAlert(r, "/hook", "PortcullisPolicyDrift", victim)
                                && "resolved".equals(r.body().get("status").asText()),
                        Duration.ofSeconds(5)))
                .isNotNull();

        // the router goes away: unreachable after two failed checks (not after one), resolved when it is back
        String lost = names.get(2);
        SimDevice lostDevice = LabServeResource.fleet.device(lost);
        int port = lostDevice.port();
        LabServeResource.fleet.server().unserve(lostDevice);
        check();
        assertThat(metrics()).contains("router=\"" + lost + "\",state=\"unreachable\"} 1.0");
        Thread.sleep(500);
        assertThat(receiver.requests().stream().filter(r -> isAlert(r, "/hook", "PortcullisRouterUnreachable", lost)))
                .isEmpty();
        check();
        HttpReceiver.Request down =
                receiver.await(r -> isAlert(r, "/hook", "PortcullisRouterUnreachable", lost), Duration.ofSeconds(5));
        assertThat(down).as("unreachable after 2 failed checks").isNotNull();
        assertThat(down.body().at("/alerts/0/annotations/summary").asText()).contains("2 times in a row");
        LabServeResource.fleet.server().serve(lostDevice, port);
        check();
        assertThat(receiver.await(
                        r -> isAlert(r, "/hook", "PortcullisRouterUnreachable", lost)
                                && "resolved".equals(r.body().get("status").asText()),
                        Duration.ofSeconds(5)))
                .as("resolved when back")
                .isNotNull();
        assertThat(metrics()).contains("portcullis_alert_deliveries_total{result=\"delivered\",sink=\"webhook\"}");
    }

    private static FilterIntent intentOf(String router) {
        Workspace w = Workspace.load(Path.of("policy"), LabServeResource.inventory, router, LocalDate.now());
        return w.compileAll().stream()
                .filter(CompiledRouter::inScope)
                .findFirst()
                .orElseThrow()
                .intent();
    }

    /** The router's policy without the last term of its first filter: what a hand edit that deletes a rule leaves. */
    private static FilterIntent withoutLastTerm(FilterIntent intent) {
        List<Filter> filters = new ArrayList<>(intent.filters());
        Filter f = filters.get(0);
        List<Term> terms = new ArrayList<>(f.terms());
        terms.remove(terms.size() - 1);
        filters.set(0, new Filter(f.name(), f.family(), terms, f.defaultAction(), f.description()));
        return new FilterIntent(intent.device(), intent.platform(), filters, intent.bindings());
    }
}
