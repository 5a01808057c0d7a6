package io.portcullis.ha;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.compile.CompiledDevice;
import io.portcullis.engine.Workspace;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Term;
import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.platform.Platforms;
import io.portcullis.store.Backend;
import io.portcullis.store.DbSettings;
import io.portcullis.testing.HttpReceiver;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
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
 * Two real {@code serve} processes (the packaged {@code target/quarkus-app/quarkus-run.jar}) on one PostgreSQL, over a
 * lab fleet of simulated SSH routers, with a local HTTP receiver as the webhook: one alert per drift (not one per
 * replica); only the leader holds notification subscriptions (counted on the simulated routers); the follower
 * refuses a drift check with 503 naming the leader; after {@code kill -9} of the leader the other leads within
 * 15 s, holds the subscriptions, alerts a drift made during the gap exactly once and does not re-fire the drift
 * the dead leader had already alerted. Runs in the {@code integration-test} phase ({@code mvn -B verify}).
 */
@Tag("processes")
@Tag("lab")
class TwoReplicasTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "two-replicas-write";
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @TempDir
    Path tmp;

    private LabFleet fleet;
    private HttpReceiver receiver;
    private DbSettings db;
    private Path inventory;
    private Path dbPassword;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One serve process and its HTTP port. */
    private record Replica(String name, Process process, int port) {
    }

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), JAR + " missing: this test runs after `package` (mvn -B verify)");
        db = Backend.POSTGRESQL.fresh(tmp); // skipped, with the reason, when the PostgreSQL lab is not running
        dbPassword = tmp.resolve("db-password");
        Files.writeString(dbPassword, db.password());
        Files.setPosixFilePermissions(dbPassword, PosixFilePermissions.fromString("rw-------"));
        fleet = LabFleet.builder().devices(3).platforms("junos,iosxr,openconfig").portBase(0).start();
        inventory = tmp.resolve("inventory");
        Files.createDirectories(inventory);
        fleet.writeInventory(inventory, LabFleet.DEFAULT_PASSWORD_ENV);
        Path password = inventory.resolve("password");
        Files.writeString(password, fleet.password());
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        Path groups = inventory.resolve("groups.yaml");
        Files.writeString(groups, Files.readString(groups).replace("password-env: " + LabFleet.DEFAULT_PASSWORD_ENV,
                "password-file: " + password.toAbsolutePath()));
        receiver = HttpReceiver.start();
    }

    @AfterEach
    void stop() throws Exception {
        processes.forEach(Process::destroyForcibly);
        for (Process p : processes) {
            p.waitFor();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (fleet != null) {
            fleet.close();
        }
        if (db != null) {
            Backend.POSTGRESQL.drop(db);
        }
    }

    @Test
    void oneAlertPerDriftOnlyTheLeaderWatchesAndTheFollowerTakesOverAfterKillMinus9() throws Exception {
        // the fleet starts in policy, applied by the CLI (a recorded run in the same database)
        Process apply = java("apply", List.of("apply", "--inventory", inventory.toString(), "--auto-approve"), List.of());
        assertThat(apply.waitFor()).as("CLI apply exit code (log in target/two-replicas/apply.log)").isZero();

        Replica a = serve("replica-a");
        waitUntil("replica-a leads", Duration.ofSeconds(120), () -> "yes".equals(leaderData(a, "leader")));
        Replica b = serve("replica-b");
        waitUntil("replica-b is up as a follower naming replica-a", Duration.ofSeconds(120),
                () -> "no".equals(leaderData(b, "leader")) && "replica-a".equals(leaderData(b, "leaderName")));
        waitUntil("one subscription per router (the leader's)", Duration.ofSeconds(60), () -> subscribers().equals(List.of(1, 1, 1)));
        assertThat(metrics(a)).contains("portcullis_leader{replica=\"replica-a\"} 1.0");
        assertThat(metrics(b)).contains("portcullis_leader{replica=\"replica-b\"} 0.0");

        // a drift while replica-a leads: one alert, not one per replica
        String first = fleet.device(0).name();
        drift(first, "mallory");
        waitUntil("the drift of " + first + " alerted", Duration.ofSeconds(60), () -> firing(first) == 1);
        HttpResponse<String> refused = post(b, "/api/drift/check");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("follower").contains("replica-a");
        Thread.sleep(3_000);
        assertThat(firing(first)).as("alerts for one drift with two replicas").isEqualTo(1);

        // kill -9 of the leader, and a drift nobody watches for a while
        a.process().destroyForcibly();
        long killedAt = System.nanoTime();
        a.process().waitFor();
        String second = fleet.device(1).name();
        drift(second, "eve");
        waitUntil("replica-b leads", Duration.ofSeconds(30), () -> "yes".equals(leaderData(b, "leader")));
        double takeover = (System.nanoTime() - killedAt) / 1e9;
        assertThat(takeover).as("seconds from kill -9 to the new leader").isLessThan(15);
        waitUntil("the drift made during the failover alerted", Duration.ofSeconds(60), () -> firing(second) == 1);
        waitUntil("the new leader holds the subscriptions", Duration.ofSeconds(60), () -> subscribers().equals(List.of(1, 1, 1)));
        Thread.sleep(3_000);
        assertThat(firing(second)).as("the gap's drift alerted exactly once").isEqualTo(1);
        assertThat(firing(first)).as("the dead leader's open alert is not fired again").isEqualTo(1);
        assertThat(metrics(b)).contains("portcullis_leader{replica=\"replica-b\"} 1.0");
        System.out.printf("two replicas: kill -9 -> replica-b leads after %.1f s%n", takeover);
    }

    private Replica serve(String name) throws IOException {
        int port = freePort();
        Process p = java(name, List.of("serve", "--inventory", inventory.toString()), List.of("-Dquarkus.http.port=" + port,
                "-Dportcullis.replica=" + name, "-Dportcullis.ha.poll-interval=1s", "-Dportcullis.api.token=" + TOKEN,
                "-Dportcullis.alert.webhook.url=" + receiver.uri("/hook"), "-Dportcullis.drift.period=1h",
                "-Dportcullis.alert.retry.min-backoff=200ms"));
        Replica r = new Replica(name, p, port);
        return r;
    }

    private Process java(String logName, List<String> args, List<String> props) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dportcullis.db.url=" + db.url(), "-Dportcullis.db.username=" + db.username(),
                "-Dportcullis.db.password-file=" + dbPassword));
        cmd.addAll(props);
        cmd.addAll(List.of("-jar", JAR.toString()));
        cmd.addAll(args);
        Path logs = Path.of("target", "two-replicas");
        Files.createDirectories(logs);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logs.resolve(logName + ".log").toFile()).start();
        processes.add(p);
        return p;
    }

    /** A field of the "leader" check of /q/health/ready, or null while the replica does not answer. */
    private String leaderData(Replica r, String field) {
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.port() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode check : JSON.readTree(res.body()).path("checks")) {
                if (check.path("name").asText().equals("leader")) {
                    return check.path("data").path(field).asText(null);
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private String metrics(Replica r) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.port() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> post(Replica r, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.port() + path)).header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Integer> subscribers() {
        return fleet.devices().stream().map(SimDevice::subscriberCount).toList();
    }

    /** Firing drift alerts the webhook accepted for the router. */
    private long firing(String router) {
        return receiver.accepted("/hook").stream().map(r -> r.body().path("alerts").path(0))
                .filter(x -> x.path("labels").path("alertname").asText().equals("PortcullisPolicyDrift")
                        && x.path("labels").path("router").asText().equals(router) && x.path("status").asText().equals("firing"))
                .count();
    }

    /** An out-of-band edit that deletes the last term of the router's first filter. */
    private void drift(String router, String user) {
        SimDevice device = fleet.device(router);
        Workspace w = Workspace.load(Path.of("policy"), inventory, router, LocalDate.now());
        FilterIntent intent = w.compileAll().stream().filter(CompiledDevice::inScope).findFirst().orElseThrow().intent();
        List<Filter> filters = new ArrayList<>(intent.filters());
        Filter f = filters.get(0);
        List<Term> terms = new ArrayList<>(f.terms());
        terms.remove(terms.size() - 1);
        filters.set(0, new Filter(f.name(), f.family(), terms, f.defaultAction(), f.description()));
        device.outOfBandEdit(Platforms.get(device.platform())
                .renderConfig(new FilterIntent(intent.device(), intent.platform(), filters, intent.bindings())), user);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void waitUntil(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + max).isLessThan(until);
            Thread.sleep(200);
        }
    }
}
