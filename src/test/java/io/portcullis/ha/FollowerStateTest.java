package io.portcullis.ha;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.lab.LabFleet;
import io.portcullis.store.Backend;
import io.portcullis.store.DbSettings;
import io.portcullis.testing.LabInventory;
import io.portcullis.testing.OutOfBandEdits;
import io.portcullis.testing.PortcullisProcess;
import io.portcullis.testing.ServeReplica;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A follower serves the leader's findings (issue 10: followers serve the REST API and the dashboard read-only from the
 * database). Two real {@code serve} processes on the lab PostgreSQL over a lab fleet: an out-of-band change on one
 * router; the follower's {@code /api/drift} shows that router drifted with its packet impact and changedBy, its
 * {@code /api/routers} the others in policy with their age and the replica whose check it is, and its dashboard fleet
 * (server-rendered page and {@code /fleet.json}) the same states with a line saying whose they are. After {@code kill -9}
 * of the leader the new leader starts from the recorded states (the drift keeps its author, nobody shows unchecked),
 * and nothing secret (the routers' password, the API tokens, the database password) is in {@code pcl_router_state}.
 */
@Tag("processes")
@Tag("lab")
class FollowerStateTest {
    private static final String TOKEN = "follower-state-write";
    private static final String READ = "follower-state-read";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    private LabFleet fleet;
    private DbSettings db;
    private Path inventory;
    private PortcullisProcess processes;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(
                PortcullisProcess.packaged(),
                PortcullisProcess.JAR + " missing: this test runs after `package` (mvn -B verify)");
        db = Backend.POSTGRESQL.fresh(tmp); // skipped, with the reason, when the PostgreSQL lab is not running
        processes = new PortcullisProcess(
                db,
                tmp,
                Path.of("target", "follower-state"),
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        fleet = LabFleet.builder()
                .devices(3)
                .platforms("junos,iosxr,openconfig")
                .portBase(0)
                .start();
        inventory = LabInventory.write(fleet, tmp.resolve("inventory"));
    }

    @AfterEach
    void stop() throws Exception {
        started.forEach(Process::destroyForcibly);
        for (Process p : started) {
            p.waitFor();
        }
        if (fleet != null) {
            fleet.close();
        }
        if (db != null) {
            Backend.POSTGRESQL.drop(db);
        }
    }

    @Test
    void theFollowerServesTheLeadersFindingsAndTheNewLeaderGoesOnFromThem() throws Exception {
        Process apply = processes.start(
                "apply", List.of("apply", "--inventory", inventory.toString(), "--auto-approve"), List.of());
        started.add(apply);
        assertThat(apply.waitFor())
                .as("CLI apply exit code (log in target/follower-state/apply.log)")
                .isZero();

        ServeReplica a = serve("replica-a");
        waitUntil("replica-a leads", Duration.ofSeconds(120), a::leads);
        ServeReplica b = serve("replica-b");
        waitUntil("replica-b is up as a follower", Duration.ofSeconds(120), () -> "no".equals(b.leaderData("leader")));
        String drifted = fleet.device(0).name();
        List<String> others = List.of(fleet.device(1).name(), fleet.device(2).name());
        waitUntil(
                "the follower shows every router in policy",
                Duration.ofSeconds(60),
                () -> states(b).values().stream().allMatch("in-sync"::equals)
                        && states(b).size() == 3);

        OutOfBandEdits.deleteLastTerm(fleet.device(drifted), Path.of("policy"), inventory, "mallory");
        waitUntil(
                "the follower's /api/drift shows " + drifted + " drifted",
                Duration.ofSeconds(60),
                () -> driftOf(b, drifted) != null);
        JsonNode d = driftOf(b, drifted);
        assertThat(d.path("state").asText()).isEqualTo("DRIFT");
        assertThat(d.path("changedBy").asText())
                .as("the author the notification named")
                .startsWith("mallory");
        assertThat(d.path("impact")).isNotEmpty();
        assertThat(d.path("impact").path(0).path("text").asText())
                .as("a packet whose fate the change turned")
                .contains(" → ")
                .contains("toward subscribers");
        assertThat(d.path("changes")).isNotEmpty();
        assertThat(d.path("lastCheck").asText()).isNotEmpty();
        JsonNode doc = get(b, "/api/drift");
        assertThat(doc.path("summary").path("DRIFT").asInt()).isEqualTo(1);
        assertThat(doc.path("routers")).hasSize(1);
        JsonNode routers = get(b, "/api/routers");
        for (JsonNode r : routers) {
            String name = r.path("router").asText();
            assertThat(r.path("status").asText()).as(name).isEqualTo(name.equals(drifted) ? "drift" : "in-sync");
            assertThat(r.path("observedBy").asText()).as(name + " observed by").isEqualTo("replica-a");
            assertThat(r.path("ageSeconds").asLong()).as(name + " age").isBetween(0L, 120L);
        }

        // the dashboard of the follower: the same states, and whose they are
        String cookie = signIn(b);
        JsonNode fleetJson = JSON.readTree(getText(b, "/fleet.json", cookie));
        for (JsonNode row : fleetJson.path("rows")) {
            String name = row.path("router").asText();
            assertThat(row.path("state").asText())
                    .as(name + " on the fleet page")
                    .isEqualTo(name.equals(drifted) ? "drifted" : "in_policy");
        }
        assertThat(fleetJson.path("source").asText())
                .contains("replica-b follows")
                .contains("replica-a");
        String page = getText(b, "/", cookie);
        assertThat(page)
                .contains("replica-b follows")
                .contains("data-router=\"" + drifted + "\" class=\"state-drifted\"");
        others.forEach(o -> assertThat(page).contains("data-router=\"" + o + "\" class=\"state-in_policy\""));
        String routerPage = getText(b, "/routers/" + drifted, cookie);
        assertThat(routerPage).contains("mallory");

        // kill -9 of the leader: replica-b leads and starts from the recorded states, then its own full check agrees
        a.process().destroyForcibly();
        a.process().waitFor();
        Instant killed = Instant.now();
        waitUntil("replica-b leads", Duration.ofSeconds(30), b::leads);
        JsonNode right = get(b, "/api/routers");
        for (JsonNode r : right) {
            assertThat(r.path("status").asText())
                    .as(r.path("router").asText() + " just after the failover")
                    .isNotEqualTo("unchecked");
        }
        waitUntil("the new leader's own check of " + drifted, Duration.ofSeconds(60), () -> {
            String at = lastCheck(b, drifted);
            return at != null
                    && Instant.parse(at).isAfter(killed)
                    && "replica-b".equals(routerField(b, drifted, "observedBy"));
        });
        JsonNode after = driftOf(b, drifted);
        assertThat(after).isNotNull();
        assertThat(after.path("changedBy").asText())
                .as("the author survives the failover")
                .isEqualTo(d.path("changedBy").asText());
        assertThat(states(b)).containsEntry(others.get(0), "in-sync").containsEntry(others.get(1), "in-sync");

        // nothing secret in the table
        String table = tableText();
        assertThat(table).contains(drifted).contains("mallory");
        assertThat(table)
                .doesNotContain(fleet.password())
                .doesNotContain(TOKEN)
                .doesNotContain(READ)
                .doesNotContain(db.password());
    }

    private ServeReplica serve(String name) throws IOException {
        ServeReplica r = ServeReplica.start(
                processes,
                name,
                List.of("--inventory", inventory.toString()),
                List.of(
                        "-Dportcullis.ha.poll-interval=1s",
                        "-Dportcullis.api.token=" + TOKEN,
                        "-Dportcullis.api.read-token=" + READ,
                        "-Dportcullis.drift.period=1h"),
                List.of());
        started.add(r.process());
        return r;
    }

    private java.util.Map<String, String> states(ServeReplica r) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        JsonNode routers = get(r, "/api/routers");
        if (routers != null) {
            routers.forEach(
                    n -> out.put(n.path("router").asText(), n.path("status").asText()));
        }
        return out;
    }

    private JsonNode driftOf(ServeReplica r, String router) {
        JsonNode doc = get(r, "/api/drift");
        if (doc == null) {
            return null;
        }
        for (JsonNode n : doc.path("routers")) {
            if (n.path("router").asText().equals(router)
                    && n.path("state").asText().equals("DRIFT")) {
                return n;
            }
        }
        return null;
    }

    private String routerField(ServeReplica r, String router, String field) {
        JsonNode n = get(r, "/api/routers/" + router);
        return n == null ? null : n.path(field).asText(null);
    }

    private String lastCheck(ServeReplica r, String router) {
        JsonNode n = get(r, "/api/routers/" + router);
        return n == null ? null : n.path("last").path("lastCheck").asText(null);
    }

    private JsonNode get(ServeReplica r, String path) {
        try {
            HttpResponse<String> res = HTTP.send(
                    HttpRequest.newBuilder(r.uri(path))
                            .header("Authorization", "Bearer " + READ)
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return res.statusCode() == 200 ? JSON.readTree(res.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String signIn(ServeReplica r) throws Exception {
        HttpResponse<String> res = HTTP.send(
                HttpRequest.newBuilder(r.uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "token=" + URLEncoder.encode(READ, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as("sign-in").isEqualTo(303);
        return res.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    private static String getText(ServeReplica r, String path, String cookie) throws Exception {
        HttpResponse<String> res = HTTP.send(
                HttpRequest.newBuilder(r.uri(path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(path).isEqualTo(200);
        return res.body();
    }

    private String tableText() throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM pcl_router_state")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    sb.append(rs.getString(i)).append('|');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static void waitUntil(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + max).isLessThan(until);
            Thread.sleep(300);
        }
    }
}
