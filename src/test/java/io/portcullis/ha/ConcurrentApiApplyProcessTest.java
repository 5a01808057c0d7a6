package io.portcullis.ha;

import static io.portcullis.ha.ServedLab.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.store.Backend;
import io.portcullis.store.CutDatabase;
import io.portcullis.testing.PortcullisProcess;
import io.portcullis.testing.ServeReplica;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three simultaneous {@code POST /api/apply} to a real {@code serve} process over HTTP (issue 13: they used to blame
 * "FOREIGN_UNCOMMITTED_CHANGES … ask their owner" on each other). The design ({@code api.ApplyRuns}: one API run at a
 * time per replica; {@code pcl_router_lock}: one transaction per router across processes) says each request either
 * starts a run (202 with a run id) or is refused with 409 naming the run that holds the service; none is lost. Then:
 * every started run succeeded with no router blamed on a foreign change, every router is in policy (nothing
 * half-applied), no router lock is left, and the history lists every started run.
 */
@Tag("processes")
@Tag("lab")
class ConcurrentApiApplyProcessTest {
    @TempDir
    Path tmp;

    private ServedLab lab;
    private CutDatabase database;

    @AfterEach
    void stop() throws Exception {
        if (lab != null) {
            lab.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void threeConcurrentAppliesAreSerialisedOrRefusedClearlyAndNoneIsLost() throws Exception {
        Assumptions.assumeTrue(
                PortcullisProcess.packaged(),
                PortcullisProcess.JAR + " missing: this test runs after `package` (mvn -B verify)");
        // H2 in server mode: the test reads the database (locks, history) while serve runs
        database = CutDatabase.of(Backend.H2, tmp);
        lab = new ServedLab(database.direct(), tmp, "concurrent-apply");
        ServeReplica serve = lab.serve("solo");
        lab.awaitLeading(serve);

        // the lab starts without the policy: every router has something to apply, so the first run takes a while
        CyclicBarrier together = new CyclicBarrier(3);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                    return lab.postJson(serve, "/api/apply", "{}");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<String> started = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> r = call.get();
            JsonNode body = lab.json(r);
            assertThat(r.statusCode()).as("202 or a clear 409: " + r.body()).isIn(202, 409);
            if (r.statusCode() == 202) {
                assertThat(body.path("runId").asText()).isNotEmpty();
                assertThat(body.path("href").asText())
                        .isEqualTo("/api/runs/" + body.path("runId").asText());
                started.add(body.path("runId").asText());
            } else {
                refusals.add(body.path("error").asText());
            }
        }
        assertThat(started).as("at least one apply started").isNotEmpty();
        assertThat(new HashSet<>(started)).as("one run id each").hasSameSizeAs(started);
        assertThat(started.size() + refusals.size()).as("none lost").isEqualTo(3);
        for (String refusal : refusals) {
            assertThat(refusal)
                    .as("a refusal names the run that holds the service and how to follow it")
                    .containsPattern("run \\S+ is still running")
                    .contains("/api/runs/")
                    .doesNotContain("FOREIGN");
            assertThat(started.stream().anyMatch(refusal::contains))
                    .as("the run it names is one that was started: " + refusal)
                    .isTrue();
        }

        Set<String> routers =
                new HashSet<>(lab.fleet.devices().stream().map(d -> d.name()).toList());
        for (String runId : started) {
            waitUntil("run " + runId + " finishes", Duration.ofSeconds(180), () -> !"RUNNING"
                    .equals(state(serve, runId)));
            JsonNode run = lab.json(lab.get(serve, "/api/runs/" + runId));
            assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
            assertThat(run.toString())
                    .as("no run blamed an outside user for Portcullis' own parallel run")
                    .doesNotContain("FOREIGN_UNCOMMITTED_CHANGES");
            Set<String> outcomeRouters = new HashSet<>();
            run.path("finished")
                    .forEach(o -> outcomeRouters.add(o.path("router").asText()));
            assertThat(outcomeRouters).as("an outcome for every router").isEqualTo(routers);
        }

        // nothing half-applied: a full check finds every router in policy, and no router lock is left behind
        assertThat(lab.postJson(serve, "/api/drift/check", "").statusCode()).isEqualTo(200);
        for (String router : routers) {
            assertThat(lab.routerStatus(serve, router)).as(router).isEqualTo("in-sync");
        }
        assertThat(lab.count("SELECT count(*) FROM pcl_router_lock")).isZero();

        // the history has every run that was started, with an outcome per router
        for (String runId : started) {
            waitUntil(
                    "run " + runId + " recorded",
                    Duration.ofSeconds(30),
                    () -> lab.count(
                                    "SELECT count(*) FROM pcl_run WHERE id = ? AND kind = 'apply' AND finished_at IS NOT NULL",
                                    runId)
                            == 1);
        }
        assertThat(lab.count("SELECT count(*) FROM pcl_run WHERE kind = 'apply'"))
                .as("no other apply recorded")
                .isEqualTo(started.size());
    }

    private String state(ServeReplica serve, String runId) {
        try {
            return lab.json(lab.get(serve, "/api/runs/" + runId)).path("state").asText();
        } catch (Exception e) {
            return "RUNNING";
        }
    }
}
