package io.portcullis.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.store.Backend;
import io.portcullis.store.DbSettings;
import io.portcullis.testing.HttpReceiver;
import io.portcullis.testing.LabInventory;
import io.portcullis.testing.OutOfBandEdits;
import io.portcullis.testing.PortcullisProcess;
import io.portcullis.testing.ServeReplica;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
    private static final String TOKEN = "two-replicas-write";

    @TempDir
    Path tmp;

    private LabFleet fleet;
    private HttpReceiver receiver;
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
                Path.of("target", "two-replicas"),
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        fleet = LabFleet.builder()
                .devices(3)
                .platforms("junos,iosxr,openconfig")
                .portBase(0)
                .start();
        inventory = LabInventory.write(fleet, tmp.resolve("inventory"));
        receiver = HttpReceiver.start();
    }

    @AfterEach
    void stop() throws Exception {
        started.forEach(Process::destroyForcibly);
        for (Process p : started) {
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
        Process apply = processes.start(
                "apply", List.of("apply", "--inventory", inventory.toString(), "--auto-approve"), List.of());
        started.add(apply);
        assertThat(apply.waitFor())
                .as("CLI apply exit code (log in target/two-replicas/apply.log)")
                .isZero();

        ServeReplica a = serve("replica-a");
        waitUntil("replica-a leads", Duration.ofSeconds(120), a::leads);
        ServeReplica b = serve("replica-b");
        waitUntil(
                "replica-b is up as a follower naming replica-a",
                Duration.ofSeconds(120),
                () -> "no".equals(b.leaderData("leader")) && "replica-a".equals(b.leaderData("leaderName")));
        waitUntil("one subscription per router (the leader's)", Duration.ofSeconds(60), () -> subscribers()
                .equals(List.of(1, 1, 1)));
        assertThat(a.metrics()).contains("portcullis_leader{replica=\"replica-a\"} 1.0");
        assertThat(b.metrics()).contains("portcullis_leader{replica=\"replica-b\"} 0.0");

        // a drift while replica-a leads: one alert, not one per replica
        String first = fleet.device(0).name();
        drift(first, "mallory");
        waitUntil("the drift of " + first + " alerted", Duration.ofSeconds(60), () -> firing(first) == 1);
        HttpResponse<String> refused = b.post("/api/drift/check", TOKEN);
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
        waitUntil("replica-b leads", Duration.ofSeconds(30), b::leads);
        double takeover = (System.nanoTime() - killedAt) / 1e9;
        assertThat(takeover).as("seconds from kill -9 to the new leader").isLessThan(15);
        waitUntil("the drift made during the failover alerted", Duration.ofSeconds(60), () -> firing(second) == 1);
        waitUntil("the new leader holds the subscriptions", Duration.ofSeconds(60), () -> subscribers()
                .equals(List.of(1, 1, 1)));
        Thread.sleep(3_000);
        assertThat(firing(second)).as("the gap's drift alerted exactly once").isEqualTo(1);
        assertThat(firing(first))
                .as("the dead leader's open alert is not fired again")
                .isEqualTo(1);
        assertThat(b.metrics()).contains("portcullis_leader{replica=\"replica-b\"} 1.0");
        System.out.printf("two replicas: kill -9 -> replica-b leads after %.1f s%n", takeover);
    }

    private ServeReplica serve(String name) throws IOException {
        ServeReplica r = ServeReplica.start(
                processes,
                name,
                List.of("--inventory", inventory.toString()),
                List.of(
                        "-Dportcullis.ha.poll-interval=1s",
                        "-Dportcullis.api.token=" + TOKEN,
                        "-Dportcullis.alert.webhook.url=" + receiver.uri("/hook"),
                        "-Dportcullis.drift.period=1h",
                        "-Dportcullis.alert.retry.min-backoff=200ms"),
                List.of());
        started.add(r.process());
        return r;
    }

    private List<Integer> subscribers() {
        return fleet.devices().stream().map(SimDevice::subscriberCount).toList();
    }

    /** Firing drift alerts the webhook accepted for the router. */
    private long firing(String router) {
        return receiver.accepted("/hook").stream()
                .map(r -> r.body().path("alerts").path(0))
                .filter(x -> x.path("labels").path("alertname").asText().equals("PortcullisPolicyDrift")
                        && x.path("labels").path("router").asText().equals(router)
                        && x.path("status").asText().equals("firing"))
                .count();
    }

    /** An out-of-band edit that deletes the last term of the router's first filter. */
    private void drift(String router, String user) {
        OutOfBandEdits.deleteLastTerm(fleet.device(router), Path.of("policy"), inventory, user);
    }

    private static void waitUntil(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + max).isLessThan(until);
            Thread.sleep(200);
        }
    }
}
