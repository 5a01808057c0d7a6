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
import io.portcullis.store.DbSettings;
import io.portcullis.testing.HttpReceiver;
import io.portcullis.testing.LabInventory;
import io.portcullis.testing.PortcullisProcess;
import io.portcullis.testing.ServeReplica;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * What the process tests of a real {@code serve} share: three SSH lab routers (Junos, IOS-XR, OpenConfig) with their
 * inventory (password in a 0600 file), one database every process records to, a local receiver standing in for the
 * webhook bridge ({@code /hook}) and Alertmanager ({@code /am}), the packaged app started as CLI or {@code serve}
 * processes, out-of-band edits and what the receiver and the database saw. Closing it kills what it started.
 */
final class ServedLab implements AutoCloseable {
    static final String TOKEN = "served-lab-write";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final LabFleet fleet;
    final Path inventory;
    final HttpReceiver receiver;
    final DbSettings db;
    final PortcullisProcess processes;
    private final List<Process> started = new ArrayList<>();

    ServedLab(DbSettings db, Path tmp, String logDir) throws Exception {
        this.db = db;
        fleet = LabFleet.builder()
                .devices(3)
                .platforms("junos,iosxr,openconfig")
                .portBase(0)
                .start();
        inventory = LabInventory.write(fleet, tmp.resolve("inventory"));
        receiver = HttpReceiver.start();
        processes = new PortcullisProcess(
                db, tmp.resolve("work"), Path.of("target", logDir), List.of("-Xmx256m", "-XX:+UseSerialGC"));
    }

    /** {@code portcullis apply} of the whole lab by the CLI, recorded in the database; its exit code. */
    int cliApply(String logName) throws Exception {
        Process p = processes.start(
                logName, List.of("apply", "--inventory", inventory.toString(), "--auto-approve"), List.of());
        started.add(p);
        return p.waitFor();
    }

    /** A {@code serve} replica alerting to the receiver (webhook and Alertmanager, re-sent every 2 s), drift checks on request. */
    ServeReplica serve(String name, String... extraProps) throws IOException {
        List<String> props = new ArrayList<>(List.of(
                "-Dportcullis.ha.poll-interval=1s",
                "-Dportcullis.api.token=" + TOKEN,
                "-Dportcullis.alert.webhook.url=" + receiver.uri("/hook"),
                "-Dportcullis.alert.alertmanager.url=" + receiver.uri("/am"),
                "-Dportcullis.alert.resend-interval=2s",
                "-Dportcullis.alert.retry.min-backoff=200ms",
                "-Dportcullis.drift.period=1h",
                "-Dportcullis.confirm-timeout=30"));
        props.addAll(List.of(extraProps));
        ServeReplica r =
                ServeReplica.start(processes, name, List.of("--inventory", inventory.toString()), props, List.of());
        started.add(r.process());
        return r;
    }

    /** Waits until the replica leads and holds one notification session per router. */
    void awaitLeading(ServeReplica r) throws InterruptedException {
        waitUntil(r.name() + " leads", Duration.ofSeconds(120), r::leads);
        waitUntil(r.name() + " subscribed to every router", Duration.ofSeconds(60), () -> fleet.devices().stream()
                .allMatch(d -> d.subscriberCount() == 1));
    }

    HttpResponse<String> get(ServeReplica r, String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(r.uri(path))
                        .header("Authorization", "Bearer " + TOKEN)
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(ServeReplica r, String path, String body) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(r.uri(path))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(120))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    /** The router's {@code status} in GET /api/routers/{name} (null while the replica does not answer). */
    String routerStatus(ServeReplica r, String router) {
        try {
            return json(get(r, "/api/routers/" + router)).path("status").asText(null);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The drift alerts of one router the webhook bridge accepted (each the envelope's first alert). */
    List<JsonNode> webhookAlerts(String router) {
        return receiver.accepted("/hook").stream()
                .map(r -> r.body().path("alerts").path(0))
                .filter(a -> isDrift(a, router))
                .toList();
    }

    /** The drift alerts of one router Alertmanager's API accepted, in order (firing re-sends and the resolve). */
    List<JsonNode> alertmanagerAlerts(String router) {
        return receiver.accepted("/am/api/v2/alerts").stream()
                .flatMap(r -> {
                    List<JsonNode> all = new ArrayList<>();
                    r.body().forEach(all::add);
                    return all.stream();
                })
                .filter(a -> isDrift(a, router))
                .toList();
    }

    private static boolean isDrift(JsonNode a, String router) {
        return a.path("labels").path("alertname").asText().equals("PortcullisPolicyDrift")
                && a.path("labels").path("router").asText().equals(router);
    }

    /** An out-of-band edit by {@code user}: without the last term of the first filter (drift), or the policy's own config back. */
    void edit(String router, String user, boolean drift) {
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

    /** One number from the database itself (not through serve). */
    long count(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static void waitUntil(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + max).isLessThan(until);
            Thread.sleep(200);
        }
    }

    static void stop(Process p, boolean kill) throws InterruptedException {
        if (kill) {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye to the database
        } else {
            p.destroy(); // SIGTERM: Quarkus shuts down in order
        }
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS))
                .as("serve exited")
                .isTrue();
    }

    @Override
    public void close() throws Exception {
        Stream.of(started.toArray(Process[]::new)).forEach(Process::destroyForcibly);
        for (Process p : started) {
            p.waitFor();
        }
        receiver.close();
        fleet.close();
    }
}
