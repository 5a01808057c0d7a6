package io.portcullis.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.cli.CliRun;
import io.portcullis.compile.CompiledRouter;
import io.portcullis.engine.Workspace;
import io.portcullis.engine.router.Digests;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Term;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.platform.registry.Platforms;
import io.portcullis.store.HistoryQuery;
import io.portcullis.store.HistoryRun;
import io.portcullis.testing.HttpReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * serve follows the policy revision that was applied, on a real SSH lab fleet with change notifications, a real H2
 * history and remediation switched on:
 * <ol>
 * <li>merged-policy day: CI (the real CLI, in-process) applies revision B while serve still holds A on disk: no drift
 * alert, no remediation, every router in policy on B; then an out-of-band change → exactly one alert and remediation
 * restores B (not A), recorded as a remediation run carrying B's digest;</li>
 * <li>pending: serve's policy file changes to C and nobody applies it → every router pending (API, metrics), no
 * drift alert, nothing in /api/drift, PortcullisPolicyPending once C has waited pending-after (5 s here), not
 * before; after an apply of C → in policy on C and the pending alerts resolved;</li>
 * <li>inventory reload: a router removed from hosts.yaml leaves /api/routers and the metrics; put back, it returns.</li>
 * </ol>
 */
@QuarkusTest
@Tag("quarkus")
@Tag("lab")
@TestProfile(DesiredStateServeLabTest.Profile.class)
@QuarkusTestResource(value = DesiredServeResource.class, restrictToAnnotatedClass = true)
class DesiredStateServeLabTest {
    static final String WRITE = "Bearer lab-write";
    static final Duration WAIT = Duration.ofSeconds(60);

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // INFO for io.portcullis as `serve` runs it: remediations, reloads and settle decisions show in the test
            // output
            return Map.of(
                    "quarkus.http.host-enabled",
                    "true",
                    "portcullis.api.token",
                    "lab-write",
                    "quarkus.log.category.\"io.portcullis\".level",
                    "INFO");
        }
    }

    @Inject
    PortcullisService service;

    @Test
    void followsTheAppliedRevisionPendingAndInventoryReload() throws Exception {
        HttpReceiver receiver = DesiredServeResource.receiver;
        List<String> names = routers().getList("router");
        assertThat(names).hasSize(3);

        // revision A, applied through the API: recorded with its documents
        follow(given().header("Authorization", WRITE)
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/apply")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("runId"));
        check();
        assertThat(routers().getList("status")).containsOnly("in-sync");
        String digestA = Digests.policyFiles(DesiredServeResource.policy);

        // --- merged-policy day: CI applies B (port 2526 added) from its own checkout; serve's disk still has A ---
        Path policyB = withExtraPort(DesiredServeResource.work.resolve("ci-checkout-B"), "2526");
        String digestB = Digests.policyFiles(policyB);
        receiver.clear();
        CliRun ci = CliRun.run(
                "apply",
                "--policy",
                policyB.toString(),
                "--inventory",
                DesiredServeResource.inventory.toString(),
                "--actor",
                "ci",
                "--auto-approve");
        assertThat(ci.exit()).as(ci.all()).isZero();
        assertThat(ci.err()).doesNotContain("could not record").doesNotContain("not recorded");
        // the notifications of CI's commits reach serve; give its targeted checks (and their settle) time to finish
        Thread.sleep(6_000);
        check();
        JsonPath after = routers();
        assertThat(after.getList("status")).as(after.prettify()).containsOnly("in-sync");
        assertThat(after.getList("last.revisions.applied", String.class))
                .allMatch(l -> l.startsWith(digestB.substring(0, 19)));
        assertThat(receiver.requests().stream().filter(r -> isAlert(r, "PortcullisPolicyDrift", null)))
                .as("no drift alert for B")
                .isEmpty();
        assertThat(runs("remediation")).as("no remediation of B back to A").isEmpty();
        for (String n : names) {
            assertThat(plan(policyB, n).exit()).as("%s holds B", n).isZero();
        }

        // an out-of-band change after that: one alert, and remediation restores B (not A)
        String victim = names.get(1);
        SimDevice device = DesiredServeResource.fleet.device(victim);
        device.outOfBandEdit(
                Platforms.get(device.platform()).renderConfig(withoutLastTerm(intentOf(policyB, victim))), "mallory");
        HttpReceiver.Request firing = receiver.await(
                r -> isAlert(r, "PortcullisPolicyDrift", victim)
                        && "firing".equals(r.body().get("status").asText()),
                WAIT);
        assertThat(firing).as("drift alerted").isNotNull();
        assertThat(firing.body().at("/alerts/0/annotations/changed_by").asText())
                .contains("mallory");
        assertThat(receiver.await(
                        r -> isAlert(r, "PortcullisPolicyDrift", victim)
                                && "resolved".equals(r.body().get("status").asText()),
                        WAIT))
                .as("resolved by remediation")
                .isNotNull();
        assertThat(plan(policyB, victim).exit()).as("remediation restored B").isZero();
        assertThat(plan(DesiredServeResource.policy, victim).exit()).as("not A").isEqualTo(2);
        List<HistoryRun> remediations = awaitRuns("remediation", 1);
        assertThat(remediations).hasSize(1);
        assertThat(remediations.get(0).policyDigest()).isEqualTo(digestB);
        Thread.sleep(3_000);
        assertThat(receiver.requests().stream()
                        .filter(r -> isAlert(r, "PortcullisPolicyDrift", victim)
                                && "firing".equals(r.body().get("status").asText())))
                .as("exactly one alert")
                .hasSize(1);

        // --- pending: serve's own policy file changes to C; nobody applies it ---
        receiver.clear();
        java.time.Instant changedAt = java.time.Instant.now();
        withExtraPort(DesiredServeResource.policy, "2527");
        String digestC = Digests.policyFiles(DesiredServeResource.policy);
        JsonPath pending = awaitRouters(j -> j.getList("status").stream().allMatch("pending"::equals));
        assertThat(pending.getList("last.revisions.applied", String.class))
                .allMatch(l -> l.startsWith(digestB.substring(0, 19)));
        assertThat(pending.getList("last.revisions.pending", String.class))
                .allMatch(l -> l.startsWith(digestC.substring(0, 19)));
        assertThat(given().header("Authorization", WRITE)
                        .when()
                        .get("/api/drift")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("routers"))
                .isEmpty();
        assertThat(metrics()).contains("router=\"" + victim + "\",state=\"pending\"} 1.0");
        assertThat(receiver.requests().stream().filter(r -> isAlert(r, "PortcullisPolicyDrift", null)))
                .as("pending is not drift")
                .isEmpty();
        assertThat(runs("remediation"))
                .as("no remediation toward or away from C")
                .hasSize(1);
        // PortcullisPolicyPending (enabled, pending-after 5 s): fires for every router once C has waited 5 s, not
        // before
        for (String n : names) {
            HttpReceiver.Request p = awaitChecked(r -> isAlert(r, "PortcullisPolicyPending", n)
                    && "firing".equals(r.body().get("status").asText()));
            assertThat(p).as("PortcullisPolicyPending for %s", n).isNotNull();
            var alert = p.body().at("/alerts/0");
            assertThat(java.time.Instant.parse(alert.get("startsAt").asText()))
                    .as("not before pending-after")
                    .isAfterOrEqualTo(changedAt.plusSeconds(5));
            assertThat(alert.at("/annotations/summary").asText()).contains(digestC.substring(0, 19));
        }

        // applied through the API (which applies what serve loaded: C) → in policy on C
        follow(given().header("Authorization", WRITE)
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/apply")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("runId"));
        JsonPath onC = awaitRouters(j -> j.getList("status").stream().allMatch("in-sync"::equals));
        for (String n : names) {
            assertThat(awaitChecked(r -> isAlert(r, "PortcullisPolicyPending", n)
                            && "resolved".equals(r.body().get("status").asText())))
                    .as("PortcullisPolicyPending of %s resolved by the apply", n)
                    .isNotNull();
            assertThat(receiver.requests().stream()
                            .filter(r -> isAlert(r, "PortcullisPolicyPending", n)
                                    && "firing".equals(r.body().get("status").asText())))
                    .as("fired once for %s", n)
                    .hasSize(1);
        }
        assertThat(onC.getList("last.revisions.applied", String.class))
                .allMatch(l -> l.startsWith(digestC.substring(0, 19)));
        assertThat(metrics()).contains("router=\"" + victim + "\",state=\"in_policy\"} 1.0");
        assertThat(digestA).isNotEqualTo(digestB).isNotEqualTo(digestC);

        // --- inventory reload: a router removed, then added back, without a restart ---
        Path hosts = DesiredServeResource.inventory.resolve("hosts.yaml");
        String all = Files.readString(hosts);
        String gone = names.get(2);
        // cut only this router's block (the API lists routers in its own order, not the file's)
        int from = all.indexOf(gone + ":\n");
        int next = all.indexOf("\n", from);
        while (next >= 0 && next + 1 < all.length() && all.charAt(next + 1) == ' ') {
            next = all.indexOf("\n", next + 1);
        }
        Files.writeString(hosts, all.substring(0, from) + (next < 0 ? "" : all.substring(next + 1)));
        awaitRouters(j -> j.getList("router").size() == 2);
        assertThat(routers().getList("router")).doesNotContain(gone);
        assertThat(metrics()).doesNotContain("router=\"" + gone + "\"");
        Files.writeString(hosts, all);
        JsonPath back = awaitRouters(j -> j.getList("router").contains(gone)
                && "in-sync".equals(j.getString("find { it.router == '" + gone + "' }.status")));
        assertThat(back.getList("router")).hasSize(3);
        assertThat(metrics()).contains("router=\"" + gone + "\"");
    }

    // --- helpers ---

    private static Path withExtraPort(Path dir, String port) throws Exception {
        Files.createDirectories(dir);
        String text = Files.readString(Path.of("policy/subscriber-protection.yaml"));
        String smtp = "ports: [25, 465, 587, 2525]";
        assertThat(text).contains(smtp);
        Files.writeString(
                dir.resolve("subscriber-protection.yaml"),
                text.replace(smtp, "ports: [25, 465, 587, 2525, " + port + "]"));
        return dir;
    }

    private static CliRun plan(Path policy, String router) {
        return CliRun.run(
                "plan",
                "--policy",
                policy.toString(),
                "--inventory",
                DesiredServeResource.inventory.toString(),
                "--limit",
                router);
    }

    private List<HistoryRun> runs(String kind) {
        service.store().flush(Duration.ofSeconds(10));
        return service.store().history(new HistoryQuery(null, kind, null, 100));
    }

    private List<HistoryRun> awaitRuns(String kind, int n) throws InterruptedException {
        long until = System.currentTimeMillis() + WAIT.toMillis();
        List<HistoryRun> r = runs(kind);
        while (r.size() < n && System.currentTimeMillis() < until) {
            Thread.sleep(200);
            r = runs(kind);
        }
        return r;
    }

    private static JsonPath routers() {
        return given().header("Authorization", WRITE)
                .when()
                .get("/api/routers")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath awaitRouters(Predicate<JsonPath> done) throws InterruptedException {
        long until = System.currentTimeMillis() + WAIT.toMillis();
        JsonPath j = routers();
        while (!done.test(j) && System.currentTimeMillis() < until) {
            Thread.sleep(500);
            check();
            j = routers();
        }
        assertThat(done.test(j)).as(j.prettify()).isTrue();
        return j;
    }

    /** Waits for a matching request at the receiver, running a drift check every second meanwhile (pending is judged by checks). */
    private static HttpReceiver.Request awaitChecked(Predicate<HttpReceiver.Request> match)
            throws InterruptedException {
        long until = System.currentTimeMillis() + WAIT.toMillis();
        HttpReceiver.Request r = DesiredServeResource.receiver.await(match, Duration.ZERO);
        while (r == null && System.currentTimeMillis() < until) {
            check();
            r = DesiredServeResource.receiver.await(match, Duration.ofSeconds(1));
        }
        return r;
    }

    private static void check() {
        given().header("Authorization", WRITE)
                .when()
                .post("/api/drift/check")
                .then()
                .statusCode(200);
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static Response follow(String runId) throws InterruptedException {
        long until = System.currentTimeMillis() + WAIT.toMillis();
        Response run;
        do {
            Thread.sleep(100);
            run = given().header("Authorization", WRITE).when().get("/api/runs/" + runId);
        } while ("RUNNING".equals(run.jsonPath().getString("state")) && System.currentTimeMillis() < until);
        assertThat(run.jsonPath().getString("state")).as(run.asString()).isEqualTo("SUCCEEDED");
        return run;
    }

    private static boolean isAlert(HttpReceiver.Request r, String alertname, String router) {
        if (!r.path().equals("/hook") || r.answeredWith() != 200) {
            return false;
        }
        var a = r.body().get("alerts").get(0);
        return a.get("labels").get("alertname").asText().equals(alertname)
                && (router == null || a.get("labels").get("router").asText().equals(router));
    }

    private static FilterIntent intentOf(Path policy, String router) {
        Workspace w = Workspace.load(policy, DesiredServeResource.inventory, router, LocalDate.now());
        return w.compileAll().stream()
                .filter(CompiledRouter::inScope)
                .findFirst()
                .orElseThrow()
                .intent();
    }

    private static FilterIntent withoutLastTerm(FilterIntent intent) {
        List<Filter> filters = new ArrayList<>(intent.filters());
        Filter f = filters.get(0);
        List<Term> terms = new ArrayList<>(f.terms());
        terms.remove(terms.size() - 1);
        filters.set(0, new Filter(f.name(), f.family(), terms, f.defaultAction(), f.description()));
        return new FilterIntent(intent.device(), intent.platform(), filters, intent.bindings());
    }
}
