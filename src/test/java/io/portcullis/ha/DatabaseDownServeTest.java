package io.portcullis.ha;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.compile.CompiledRouter;
import io.portcullis.engine.Workspace;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Term;
import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.platform.registry.Platforms;
import io.portcullis.store.Backend;
import io.portcullis.store.CutDatabase;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real {@code serve} process (the packaged jar) whose database goes away while it runs: the database (H2 in server
 * mode, or a PostgreSQL schema, so the leader election runs too) is reached through a {@link io.portcullis.testing.TcpCut}
 * that the test cuts. While cut: {@code /q/health/ready} answers 503 with the {@code database} check DOWN, the replica
 * keeps leading, an out-of-band change on a lab router is still checked (notification) and alerted at a local webhook
 * receiver, and a drift check on request still runs. Once the network is back: ready again, the delivery attempt,
 * the check runs and the alert state are in the database exactly once, and the open alert is not fired again
 * (same replica, no re-election storm); the drift's resolve is delivered and recorded too.
 */
@Tag("processes")
@Tag("lab")
class DatabaseDownServeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "db-down-write";
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @TempDir
    Path tmp;

    private LabFleet fleet;
    private HttpReceiver receiver;
    private CutDatabase db;
    private Path inventory;
    private Path dbPassword;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int port;

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
            db.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void monitoringAndAlertsGoOnWhileTheDatabaseIsCutAndEverythingIsRecordedOnceItIsBack(Backend backend)
            throws Exception {
        Assumptions.assumeTrue(
                Files.isRegularFile(JAR), JAR + " missing: this test runs after `package` (mvn -B verify)");
        db = CutDatabase.of(backend, tmp); // PostgreSQL: skipped, with the reason, when its lab is not running
        setUpFleet();
        String log = "db-down-" + backend.name().toLowerCase();

        // the fleet starts in policy, applied by the CLI and recorded in the same database (not through the cut)
        Process apply = java(
                log + "-apply",
                db.direct(),
                List.of("apply", "--inventory", inventory.toString(), "--auto-approve"),
                List.of());
        assertThat(apply.waitFor())
                .as("CLI apply exit code (log in target/db-down/" + log + "-apply.log)")
                .isZero();

        port = freePort();
        java(
                log + "-serve",
                db.viaCut(),
                List.of("serve", "--inventory", inventory.toString()),
                List.of(
                        "-Dquarkus.http.port=" + port,
                        "-Dportcullis.replica=solo",
                        "-Dportcullis.ha.poll-interval=1s",
                        "-Dportcullis.api.token=" + TOKEN,
                        "-Dportcullis.alert.webhook.url=" + receiver.uri("/hook"),
                        "-Dportcullis.drift.period=1h",
                        "-Dportcullis.alert.retry.min-backoff=200ms"));
        waitUntil(
                "serve leads with the database UP",
                Duration.ofSeconds(120),
                () -> "yes".equals(check("leader", "leader")) && "UP".equals(status("database")));
        waitUntil("one subscription per router", Duration.ofSeconds(60), () -> subscribers()
                .equals(List.of(1, 1, 1)));
        assertThat(post("/api/drift/check").statusCode()).isEqualTo(200);
        assertThat(countRows("SELECT count(*) FROM pcl_alert_delivery WHERE sink = 'webhook'"))
                .isZero();

        // --- the network to the database goes ---
        db.cut().cut();
        waitUntil("ready says the database is DOWN", Duration.ofSeconds(60), () -> "DOWN".equals(status("database")));
        assertThat(ready().statusCode())
                .as("/q/health/ready with the database down")
                .isEqualTo(503);
        assertThat(check("leader", "leader")).as("the replica keeps leading").isEqualTo("yes");

        String router = fleet.device(0).name();
        edit(router, "mallory", true);
        waitUntil(
                "the drift of " + router + " alerted while the database is down",
                Duration.ofSeconds(60),
                () -> deliveries(router, "firing") == 1);
        JsonNode alert = receiver.accepted("/hook").get(0).body().path("alerts").path(0);
        assertThat(alert.path("annotations").path("changed_by").asText()).contains("mallory");
        assertThat(post("/api/drift/check").statusCode())
                .as("a full check still runs")
                .isEqualTo(200);
        assertThat(routerStatus(router))
                .as("monitoring goes on: the API shows the drift")
                .isEqualTo("drift");
        assertThat("DOWN").isEqualTo(status("database"));
        assertThat(countRows("SELECT count(*) FROM pcl_alert_delivery WHERE sink = 'webhook'"))
                .as("nothing reached the database yet")
                .isZero();

        // --- the network is back ---
        db.cut().restore();
        waitUntil(
                "ready again",
                Duration.ofSeconds(120),
                () -> "UP".equals(status("database")) && ready().statusCode() == 200);
        waitUntil(
                "the webhook delivery recorded",
                Duration.ofSeconds(60),
                () -> countRows("SELECT count(*) FROM pcl_alert_delivery WHERE sink = 'webhook' AND router = '" + router
                                + "'")
                        >= 1);
        waitUntil(
                "the alert state written",
                Duration.ofSeconds(60),
                () -> countRows("SELECT count(*) FROM pcl_alert_state WHERE router = '" + router
                                + "' AND status = 'FIRING'")
                        == 1);
        Thread.sleep(3_000); // let any duplicate (a replayed write, a re-election's full check) show
        assertThat(countRows("SELECT count(*) FROM pcl_alert_delivery WHERE sink = 'webhook' AND router = '" + router
                        + "' AND alert_status = 'FIRING' AND delivered"))
                .as("the delivery made while the database was down, recorded once")
                .isEqualTo(1);
        assertThat(countRows("SELECT count(*) FROM pcl_alert_state WHERE router = '" + router
                        + "' AND changed_by LIKE '%mallory%'"))
                .as("changedBy kept in the alert state")
                .isEqualTo(1);
        assertThat(countRows("SELECT count(*) FROM pcl_run WHERE kind = 'drift-check'"))
                .as("checks made while cut are recorded")
                .isGreaterThanOrEqualTo(3);
        assertThat(countRows(
                        "SELECT count(*) FROM pcl_drift_event WHERE router = '" + router + "' AND resolved_at IS NULL"))
                .as("the drift event opened while cut")
                .isEqualTo(1);
        assertThat(check("leader", "leader")).isEqualTo("yes");
        assertThat(deliveries(router, "firing"))
                .as("not fired again once the database is back")
                .isEqualTo(1);

        // the drift ends: resolved at the receiver and recorded
        edit(router, "mallory", false);
        waitUntil("resolved at the receiver", Duration.ofSeconds(60), () -> deliveries(router, "resolved") == 1);
        waitUntil(
                "the resolve recorded",
                Duration.ofSeconds(60),
                () -> countRows("SELECT count(*) FROM pcl_alert_delivery WHERE sink = 'webhook'" + " AND router = '"
                                + router + "' AND alert_status = 'RESOLVED' AND delivered")
                        == 1);
        assertThat(deliveries(router, "firing")).isEqualTo(1);
    }

    private void setUpFleet() throws Exception {
        fleet = LabFleet.builder()
                .devices(3)
                .platforms("junos,iosxr,openconfig")
                .portBase(0)
                .start();
        inventory = tmp.resolve("inventory");
        Files.createDirectories(inventory);
        fleet.writeInventory(inventory, LabFleet.DEFAULT_PASSWORD_ENV);
        Path password = inventory.resolve("password");
        Files.writeString(password, fleet.password());
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        Path groups = inventory.resolve("groups.yaml");
        Files.writeString(
                groups,
                Files.readString(groups)
                        .replace(
                                "password-env: " + LabFleet.DEFAULT_PASSWORD_ENV,
                                "password-file: " + password.toAbsolutePath()));
        dbPassword = tmp.resolve("db-password");
        Files.writeString(dbPassword, db.direct().password());
        Files.setPosixFilePermissions(dbPassword, PosixFilePermissions.fromString("rw-------"));
        receiver = HttpReceiver.start();
    }

    private Process java(String logName, DbSettings settings, List<String> args, List<String> props)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dportcullis.db.url=" + settings.url()));
        if (!settings.username().isEmpty()) {
            cmd.add("-Dportcullis.db.username=" + settings.username());
        }
        if (!settings.password().isEmpty()) {
            cmd.add("-Dportcullis.db.password-file=" + dbPassword);
        }
        cmd.addAll(props);
        cmd.addAll(List.of("-jar", JAR.toString()));
        cmd.addAll(args);
        Path logs = Path.of("target", "db-down");
        Files.createDirectories(logs);
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(logName + ".log").toFile())
                .start();
        processes.add(p);
        return p;
    }

    /** A count from the database itself (the direct path, never through the cut). */
    private long countRows(String sql) {
        DbSettings d = db.direct();
        try (Connection c = DriverManager.getConnection(d.url(), d.username(), d.password());
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private HttpResponse<String> ready() {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("serve does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode readyCheck(String name) {
        try {
            for (JsonNode c : JSON.readTree(ready().body()).path("checks")) {
                if (c.path("name").asText().equals(name)) {
                    return c;
                }
            }
        } catch (IOException | IllegalStateException e) {
            return null; // not up yet
        }
        return null;
    }

    private String status(String check) {
        JsonNode c = readyCheck(check);
        return c == null ? null : c.path("status").asText(null);
    }

    private String check(String check, String field) {
        JsonNode c = readyCheck(check);
        return c == null ? null : c.path("data").path(field).asText(null);
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + TOKEN)
                        .timeout(Duration.ofSeconds(120))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String routerStatus(String router) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/routers/" + router))
                        .header("Authorization", "Bearer " + TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).path("status").asText();
    }

    private List<Integer> subscribers() {
        return fleet.devices().stream().map(SimDevice::subscriberCount).toList();
    }

    /** Drift alerts of this status the webhook accepted for the router. */
    private long deliveries(String router, String status) {
        return receiver.accepted("/hook").stream()
                .map(r -> r.body().path("alerts").path(0))
                .filter(x -> x.path("labels").path("alertname").asText().equals("PortcullisPolicyDrift")
                        && x.path("labels").path("router").asText().equals(router)
                        && x.path("status").asText().equals(status))
                .count();
    }

    /** An out-of-band edit: without the last term of the first filter (drift), or the policy's own config back (in policy). */
    private void edit(String router, String user, boolean drift) {
        SimDevice device = fleet.device(router);
        Workspace w = Workspace.load(Path.of("policy"), inventory, router, LocalDate.now());
        FilterIntent intent = w.compileAll().stream()
                .filter(CompiledRouter::inScope)
                .findFirst()
                .orElseThrow()
                .intent();
        if (drift) {
            List<Filter> filters = new ArrayList<>(intent.filters());
            Filter f = filters.get(0);
            List<Term> terms = new ArrayList<>(f.terms());
            terms.remove(terms.size() - 1);
            filters.set(0, new Filter(f.name(), f.family(), terms, f.defaultAction(), f.description()));
            intent = new FilterIntent(intent.device(), intent.platform(), filters, intent.bindings());
        }
        device.outOfBandEdit(Platforms.get(device.platform()).renderConfig(intent), user);
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
