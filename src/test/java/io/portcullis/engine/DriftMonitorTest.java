package io.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.portcullis.alert.DriftAlerter;
import io.portcullis.alert.LogSink;
import io.portcullis.alert.WebhookSink;
import io.portcullis.engine.drift.DesiredState;
import io.portcullis.engine.drift.DriftMonitor;
import io.portcullis.engine.drift.Remediator;
import io.portcullis.engine.drift.RouterStatus;
import io.portcullis.engine.fake.TestTargets;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.router.ConfigChange;
import io.portcullis.intent.Action;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DriftMonitorTest {
    private HttpServer receiver;
    private final LinkedBlockingQueue<JsonNode> alerts = new LinkedBlockingQueue<>();
    /** What the monitor told its listener was overwritten within the settle time (the run history records it). */
    private final List<RouterStatus> overwritten = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            alerts.add(new ObjectMapper().readTree(ex.getRequestBody()));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void outOfBandChangeAlertsWithAuthorAndImpactThenResolvesAfterReapply() throws Exception {
        FakeFleet f = new FakeFleet(3);
        assertThat(f.apply(FakeFleet.opts()).success()).isTrue();
        DriftAlerter alerter = new DriftAlerter(List.of(
                new LogSink(),
                new WebhookSink(
                        URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"))));
        try (DriftMonitor m = new DriftMonitor(
                f.engine, f.targets, alerter, new DriftMonitor.Listener() {}, 4, false, FakeFleet.opts())) {
            assertThat(m.checkAll("startup")).allMatch(RouterStatus::inPolicy);
            assertThat(alerts).isEmpty();

            // someone removes port 587 from r2 by hand, and the router notifies
            List<Term> t = without587();
            f.router(2).setRunning(TestTargets.intent("r2", t));
            f.router(1).rpcLog.clear();
            f.router(2).rpcLog.clear();
            long t0 = System.nanoTime();
            m.changeHandler().accept(new ConfigChange("r2", "running", "alice (session 7 from 192.0.2.9)"));
            JsonNode firing = alerts.poll(5, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(firing).isNotNull();
            assertThat(ms).isLessThan(2000);
            assertThat(firing.get("status").asText()).isEqualTo("firing");
            assertThat(firing.at("/alerts/0/labels/router").asText()).isEqualTo("r2");
            assertThat(firing.at("/alerts/0/annotations/changed_by").asText()).contains("alice");
            assertThat(firing.at("/alerts/0/annotations/impact").asText())
                    .contains("TCP/587 toward subscribers (ipv4): dropped → forwarded");
            assertThat(f.router(1).rpcLog).as("targeted check touches only r2").isEmpty();
            assertThat(f.router(2).writes())
                    .as("drift is never fixed unless remediation is on")
                    .isEmpty();

            // the periodic check sees the same drift again: no duplicate
            m.checkAll("schedule");
            assertThat(alerts.poll(300, TimeUnit.MILLISECONDS)).isNull();
            assertThat(m.status().get("r2").inPolicy()).isFalse();

            assertThat(f.engine
                            .apply(f.targets.subList(1, 2), FakeFleet.opts(), null, null, null, RunListener.NONE)
                            .success())
                    .isTrue();
            m.checkAll("schedule");
            JsonNode resolved = alerts.poll(5, TimeUnit.SECONDS);
            assertThat(resolved.get("status").asText()).isEqualTo("resolved");
            assertThat(resolved.at("/alerts/0/labels/router").asText()).isEqualTo("r2");
            assertThat(f.router(2).running().filters().get(0).terms()).isEqualTo(TestTargets.seedTerms());
        }
    }

    @Test
    void aCheckThatEndsAfterItsRouterWasDroppedLeavesNoTrace() throws Exception {
        FakeFleet f = new FakeFleet(2);
        assertThat(f.apply(FakeFleet.opts()).success()).isTrue();
        // r2's read waits until the inventory dropped it: the check is in flight across the reload
        HeldRead r2 = new HeldRead(f, "r2");
        r2.arm();
        Engine engine = f.engineOver(r2);
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        DriftAlerter alerter = webhookAlerter();
        try (DriftMonitor m = new DriftMonitor(
                engine,
                f.targets,
                alerter,
                new DriftMonitor.Listener() {
                    @Override
                    public void checked(RouterStatus s) {
                        told.add(s.router());
                    }
                },
                1,
                false,
                FakeFleet.opts())) {
            java.util.concurrent.CompletableFuture<RouterStatus> inFlight =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> m.checkOne("r2", "notification", null));
            assertThat(r2.reached.await(10, TimeUnit.SECONDS)).isTrue();
            m.desired()
                    .loaded(
                            new io.portcullis.engine.drift.RevisionRef("loaded", null, java.time.Instant.now()),
                            f.targets.subList(0, 1),
                            null,
                            false);
            m.forget(List.of("r2"));
            r2.release.countDown();

            assertThat(inFlight.get(10, TimeUnit.SECONDS).router()).isEqualTo("r2"); // its caller still gets the answer
            assertThat(m.status()).doesNotContainKey("r2");
            assertThat(told).doesNotContain("r2");
            assertThat(alerts.poll(300, TimeUnit.MILLISECONDS))
                    .as("no alert for a router nobody watches")
                    .isNull();
        }
    }

    @Test
    void aNotificationDuringACheckWaitsForItThenHasTheRouterCheckedAgainUnderTheFirstForeignAuthor() throws Exception {
        FakeFleet f = new FakeFleet(1);
        assertThat(f.apply(FakeFleet.opts()).success()).isTrue();
        // the first check's read of r1 is held until the test lets it go: the second notification arrives mid-check
        HeldRead r1 = new HeldRead(f, "r1");
        r1.arm();
        java.util.concurrent.atomic.AtomicInteger reads = r1.reads;
        DriftAlerter alerter = webhookAlerter();
        try (DriftMonitor m = new DriftMonitor(
                f.engineOver(r1), f.targets, alerter, new DriftMonitor.Listener() {}, 1, false, FakeFleet.opts())) {
            f.router(1).setRunning(TestTargets.intent("r1", without587()));
            m.changeHandler().accept(new ConfigChange("r1", "running", "alice (session 7 from 192.0.2.9)", true));
            assertThat(r1.reached.await(10, TimeUnit.SECONDS)).isTrue();
            m.changeHandler().accept(new ConfigChange("r1", "running", "portcullis (session 3 from 127.0.0.1)"));
            Thread.sleep(500); // time enough for an idle targeted-check thread to start a second check
            assertThat(reads.get())
                    .as("no second check of r1 while its first is running")
                    .isEqualTo(1);
            r1.release.countDown();

            JsonNode firing = alerts.poll(6, TimeUnit.SECONDS);
            assertThat(firing).isNotNull();
            assertThat(firing.at("/alerts/0/annotations/changed_by").asText()).contains("alice");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            while (reads.get() < 2 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertThat(reads.get())
                    .as("the notification that came mid-check has r1 checked once more after it")
                    .isEqualTo(2);
            assertThat(m.status().get("r1").changedBy()).contains("alice");
        }
    }

    @Test
    void aFullCheckDoesNotRecordAnOlderReadOverANewerCheckOfTheSameRouter() throws Exception {
        FakeFleet f = new FakeFleet(2);
        assertThat(f.apply(FakeFleet.opts()).success()).isTrue();
        // the full check reads r1, then waits at r2 while r1 is put back and checked by a notification's check
        HeldRead r2 = new HeldRead(f, "r2");
        DriftAlerter alerter = webhookAlerter();
        try (DriftMonitor m = new DriftMonitor(
                f.engineOver(r2), f.targets, alerter, new DriftMonitor.Listener() {}, 1, false, FakeFleet.opts())) {
            f.router(1).setRunning(TestTargets.intent("r1", without587()));
            m.checkOne("r1", "notification", "alice (session 7 from 192.0.2.9)", true);
            assertThat(alerts.poll(5, TimeUnit.SECONDS).get("status").asText()).isEqualTo("firing");

            r2.arm();
            java.util.concurrent.CompletableFuture<List<RouterStatus>> full =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> m.checkAll("schedule"));
            assertThat(r2.reached.await(10, TimeUnit.SECONDS)).isTrue(); // r1 was read drifted
            f.router(1).setRunning(TestTargets.intent("r1", TestTargets.seedTerms())); // a CI apply puts it back
            m.checkOne("r1", "notification", "portcullis (session 3 from 127.0.0.1)", false);
            assertThat(alerts.poll(5, TimeUnit.SECONDS).get("status").asText()).isEqualTo("resolved");
            r2.release.countDown();
            full.get(10, TimeUnit.SECONDS);

            assertThat(alerts.poll(1, TimeUnit.SECONDS))
                    .as("the full check's older read of r1 re-opens no alert")
                    .isNull();
            assertThat(m.status().get("r1").drift().status()).isEqualTo("in-sync");
        }
    }

    @Test
    void aFullCheckNeverResolvesADriftAlertWithAReadFromBeforeTheChange() throws Exception {
        FakeFleet f = new FakeFleet(2);
        assertThat(f.apply(FakeFleet.opts()).success()).isTrue();
        HeldRead r2 = new HeldRead(f, "r2");
        DriftAlerter alerter = webhookAlerter();
        try (DriftMonitor m = new DriftMonitor(
                f.engineOver(r2), f.targets, alerter, new DriftMonitor.Listener() {}, 1, false, FakeFleet.opts())) {
            // the full check reads r1 in policy, then waits at r2; a notification's check of r2 is recorded meanwhile
            r2.arm();
            java.util.concurrent.CompletableFuture<List<RouterStatus>> full =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> m.checkAll("schedule"));
            assertThat(r2.reached.await(10, TimeUnit.SECONDS)).isTrue();
            m.checkOne("r2", "notification", "portcullis (session 3 from 127.0.0.1)", false);
            // before the full check records, someone changes r1 and its notification's check alerts it
            f.router(1).setRunning(TestTargets.intent("r1", without587()));
            m.checkOne("r1", "notification", "alice (session 7 from 192.0.2.9)", true);
            JsonNode firing = alerts.poll(5, TimeUnit.SECONDS);
            assertThat(firing.at("/alerts/0/annotations/changed_by").asText()).contains("alice");
            r2.release.countDown();
            full.get(10, TimeUnit.SECONDS);

            assertThat(alerts.poll(1, TimeUnit.SECONDS))
                    .as("the full check's read of r1 from before alice's change resolves nothing")
                    .isNull();
            assertThat(m.status().get("r1").drift().status()).isEqualTo("drift");
            assertThat(m.status().get("r1").changedBy()).contains("alice");
        }
    }

    /**
     * Finding G's own interleaving: a full check that went back to re-read a router another check had recorded meanwhile
     * recorded its first-pass read of r1 after r1's notification had alerted a newer change (before the newest read won,
     * the full check re-read only the routers recorded up to that moment).
     */
    @Test
    void aFullCheckStillBusyWithAnotherRouterNeverResolvesADriftAlertOpenedMeanwhile() throws Exception {
        FakeFleet f = new FakeFleet(2);
        assertThat(f.apply(FakeFleet.opts()).success()).isTrue();
        HeldRead r2 = new HeldRead(f, "r2");
        DriftAlerter alerter = webhookAlerter();
        try (DriftMonitor m = new DriftMonitor(
                f.engineOver(r2), f.targets, alerter, new DriftMonitor.Listener() {}, 1, false, FakeFleet.opts())) {
            r2.arm();
            java.util.concurrent.CompletableFuture<List<RouterStatus>> full =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> m.checkAll("schedule"));
            assertThat(r2.reached.await(10, TimeUnit.SECONDS)).isTrue();
            m.checkOne("r2", "notification", "portcullis (session 3 from 127.0.0.1)", false);
            java.util.concurrent.CountDownLatch firstHold = r2.release;
            r2.arm(); // a second read of r2 by the full check, if it makes one, is held too
            firstHold.countDown();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (r2.reached.getCount() > 0 && !full.isDone() && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            f.router(1).setRunning(TestTargets.intent("r1", without587()));
            m.checkOne("r1", "notification", "alice (session 7 from 192.0.2.9)", true);
            assertThat(alerts.poll(5, TimeUnit.SECONDS).get("status").asText()).isEqualTo("firing");
            r2.release.countDown();
            full.get(10, TimeUnit.SECONDS);

            assertThat(alerts.poll(1, TimeUnit.SECONDS))
                    .as("nothing resolves alice's drift")
                    .isNull();
            assertThat(m.status().get("r1").drift().status()).isEqualTo("drift");
        }
    }

    @Test
    void someoneElsesChangeFoundByACheckThatPortcullisOwnCommitStartedIsAlertedUnderItsAuthor() throws Exception {
        FakeFleet f = new FakeFleet(1);
        assertThat(f.apply(FakeFleet.opts()).success()).isTrue();
        HeldRead r1 = new HeldRead(f, "r1");
        r1.arm();
        DriftAlerter alerter = webhookAlerter();
        try (DriftMonitor m = new DriftMonitor(
                f.engineOver(r1),
                DesiredState.fixed(f.targets),
                alerter,
                new DriftMonitor.Listener() {},
                1,
                false,
                new Remediator(f.engine, FakeFleet.opts(), List::of),
                Duration.ofMillis(300))) {
            // an apply's confirming commit notifies; its check starts; alice edits r1 before the check reads it
            m.changeHandler().accept(new ConfigChange("r1", "running", "portcullis (session 3 from 127.0.0.1)"));
            assertThat(r1.reached.await(10, TimeUnit.SECONDS)).isTrue();
            f.router(1).setRunning(TestTargets.intent("r1", without587()));
            m.changeHandler().accept(new ConfigChange("r1", "running", "alice (session 7 from 192.0.2.9)", true));
            r1.release.countDown();

            JsonNode firing = alerts.poll(6, TimeUnit.SECONDS);
            assertThat(firing).isNotNull();
            assertThat(firing.at("/alerts/0/annotations/changed_by").asText())
                    .as("the drift the check found is alice's, not the commit's that started the check")
                    .contains("alice");
        }
    }

    @Test
    void aFullCheckLeavesANewDriftToTheNotificationsCheckThatKnowsItsAuthor() throws Exception {
        FakeFleet f = new FakeFleet(2);
        assertThat(f.apply(FakeFleet.opts()).success()).isTrue();
        // the notification's check of r1 is held at its read while the periodic full check runs
        HeldRead r1 = new HeldRead(f, "r1");
        r1.arm();
        DriftAlerter alerter = webhookAlerter();
        try (DriftMonitor m = new DriftMonitor(
                f.engineOver(r1), f.targets, alerter, new DriftMonitor.Listener() {}, 1, false, FakeFleet.opts())) {
            f.router(1).setRunning(TestTargets.intent("r1", without587()));
            m.changeHandler().accept(new ConfigChange("r1", "running", "alice (session 7 from 192.0.2.9)", true));
            assertThat(r1.reached.await(10, TimeUnit.SECONDS)).isTrue();

            m.checkAll("schedule");
            assertThat(alerts.poll(500, TimeUnit.MILLISECONDS))
                    .as("the full check sent no alert of its own")
                    .isNull();
            r1.release.countDown();

            JsonNode firing = alerts.poll(5, TimeUnit.SECONDS);
            assertThat(firing).isNotNull();
            assertThat(firing.at("/alerts/0/status").asText()).isEqualTo("firing");
            assertThat(firing.at("/alerts/0/annotations/changed_by").asText()).contains("alice");
            assertThat(alerts.poll(500, TimeUnit.MILLISECONDS))
                    .as("one alert for one change")
                    .isNull();
        }
    }

    @Test
    void remediationReappliesWhenSwitchedOn() throws Exception {
        FakeFleet f = new FakeFleet(1);
        f.router(1).setRunning(TestTargets.intent("r1", TestTargets.seedTerms().subList(1, 3)));
        DriftAlerter alerter = webhookAlerter();
        try (DriftMonitor m = new DriftMonitor(
                f.engine, f.targets, alerter, new DriftMonitor.Listener() {}, 1, true, FakeFleet.opts())) {
            m.checkAll("schedule");
            assertThat(alerts.poll(5, TimeUnit.SECONDS).get("status").asText()).isEqualTo("firing");
            assertThat(alerts.poll(5, TimeUnit.SECONDS).get("status").asText()).isEqualTo("resolved");
            assertThat(f.router(1).running().filters().get(0).terms()).isEqualTo(TestTargets.seedTerms());
        }
    }

    @Test
    void someoneElsesChangeOverwrittenByAnApplyInProgressIsAlertedAndResolvedOnceNeverSilently() throws Exception {
        assertThat(overwrittenWithinTheSettleTime(true))
                .as("alice's change: firing, then resolved")
                .extracting(a -> a.get("status").asText())
                .containsExactly("firing", "resolved");
        assertThat(alerts).isEmpty();
        assertThat(overwritten)
                .as("the listener (run history) hears of the drift")
                .hasSize(1);
        RouterStatus seen = overwritten.get(0);
        assertThat(seen.router()).isEqualTo("r1");
        assertThat(seen.drift().status()).isEqualTo("drift");
        assertThat(seen.drift().fingerprint()).isNotNull();
        assertThat(seen.drift().changes()).isNotEmpty();
        assertThat(seen.changedBy()).isEqualTo("alice (session 7 from 192.0.2.9)");
        assertThat(seen.trigger()).isEqualTo("notification");
    }

    @Test
    void portcullisOwnCommitSeenMidApplyRaisesNoAlert() throws Exception {
        assertThat(overwrittenWithinTheSettleTime(false))
                .as("the notification of Portcullis' own commit")
                .isEmpty();
        assertThat(overwritten).as("nor is it a drift in the history").isEmpty();
    }

    @Test
    void portcullisOwnCommitRightAfterSomeoneElsesChangeDoesNotTakeTheBlameForIt() throws Exception {
        FakeFleet f = new FakeFleet(2);
        assertThat(f.apply(FakeFleet.opts()).success()).isTrue();
        DriftAlerter alerter = webhookAlerter();
        try (DriftMonitor m = new DriftMonitor(
                f.engine,
                DesiredState.fixed(f.targets),
                alerter,
                new DriftMonitor.Listener() {},
                1,
                false,
                new Remediator(f.engine, FakeFleet.opts(), List::of),
                Duration.ofMillis(1500))) {
            List<Term> t = without587();
            // r2 drifts first: its check waits out the settle time...
            f.router(2).setRunning(TestTargets.intent("r2", t));
            m.changeHandler().accept(new ConfigChange("r2", "running", "bob (session 9 from 192.0.2.8)", true));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!f.router(2).rpcLog.contains("get-config") && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            // ...meanwhile alice changes r1 inside an apply's confirm window, and the apply's confirming commit carries
            // her change along: both notify before r1's check runs
            f.router(1).setRunning(TestTargets.intent("r1", t));
            m.changeHandler().accept(new ConfigChange("r1", "running", "alice (session 7 from 192.0.2.9)", true));
            m.changeHandler().accept(new ConfigChange("r1", "running", "portcullis (session 3 from 127.0.0.1)"));
            JsonNode r1 = null;
            for (JsonNode a; r1 == null && (a = alerts.poll(6, TimeUnit.SECONDS)) != null; ) {
                r1 = a.at("/alerts/0/labels/router").asText().equals("r1") ? a : null;
            }
            assertThat(r1).as("r1's drift alert").isNotNull();
            assertThat(r1.at("/alerts/0/annotations/changed_by").asText())
                    .as("the author of the drift, not the commit that carried it along")
                    .contains("alice");
        }
    }

    /**
     * r1 is changed and notifies; the first read sees the drift, then (as a CI apply would) the router is put back before
     * the settle time ends. Returns the alerts posted within 3 s of the change.
     */
    private List<JsonNode> overwrittenWithinTheSettleTime(boolean foreign) throws Exception {
        FakeFleet f = new FakeFleet(1);
        assertThat(f.apply(FakeFleet.opts()).success()).isTrue();
        DriftAlerter alerter = webhookAlerter();
        try (DriftMonitor m = new DriftMonitor(
                f.engine,
                DesiredState.fixed(f.targets),
                alerter,
                new DriftMonitor.Listener() {
                    @Override
                    public void overwritten(RouterStatus drifted) {
                        overwritten.add(drifted);
                    }
                },
                1,
                true,
                new Remediator(f.engine, FakeFleet.opts(), List::of),
                Duration.ofMillis(1500))) {
            List<Term> t = without587();
            f.router(1).setRunning(TestTargets.intent("r1", t));
            f.router(1).rpcLog.clear();
            m.changeHandler().accept(new ConfigChange("r1", "running", "alice (session 7 from 192.0.2.9)", foreign));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!f.router(1).rpcLog.contains("get-config") && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertThat(f.router(1).rpcLog).as("the targeted check read r1").contains("get-config");
            f.router(1).setRunning(TestTargets.intent("r1", TestTargets.seedTerms()));
            List<JsonNode> got = new ArrayList<>();
            for (JsonNode a; (a = alerts.poll(3, TimeUnit.SECONDS)) != null; ) {
                got.add(a);
            }
            if (foreign) {
                assertThat(got.get(0).at("/alerts/0/annotations/changed_by").asText())
                        .contains("alice");
                assertThat(got.get(0).at("/alerts/0/annotations/summary").asText())
                        .contains("overwritten within 1500 ms by an apply in progress");
            }
            assertThat(f.router(1).writes())
                    .as("an overwritten change is never remediated")
                    .isEmpty();
            assertThat(m.status().get("r1").inPolicy()).isTrue();
            return got;
        }
    }

    private DriftAlerter webhookAlerter() {
        return new DriftAlerter(List.of(new WebhookSink(
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"))));
    }

    /** The seed policy's terms with port 587 gone from the SMTP block: what someone "fixes" by hand. */
    private static List<Term> without587() {
        List<Term> t = new ArrayList<>(TestTargets.seedTerms());
        t.set(1, TestTargets.term("block-smtp", 20, Protocol.TCP, List.of(25, 465, 2525), Action.DISCARD));
        return t;
    }

    /**
     * The fleet's connector, holding the first read of one router after {@link #arm} until {@link #release} opens: a
     * check caught in flight at a moment the test chooses. Each {@link #arm} holds one more read, with fresh latches.
     */
    private static final class HeldRead implements io.portcullis.engine.router.RouterConnector {
        private final FakeFleet fleet;
        private final String router;
        private final java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
        volatile java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(1);
        volatile java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        /** Reads of the router so far. */
        final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();

        HeldRead(FakeFleet fleet, String router) {
            this.fleet = fleet;
            this.router = router;
        }

        void arm() {
            reached = new java.util.concurrent.CountDownLatch(1);
            release = new java.util.concurrent.CountDownLatch(1);
            armed.set(true);
        }

        @Override
        public io.portcullis.engine.router.RouterSession open(io.portcullis.inventory.Device device) {
            if (device.name().equals(router)) {
                reads.incrementAndGet();
                if (armed.compareAndSet(true, false)) {
                    java.util.concurrent.CountDownLatch held = release;
                    reached.countDown();
                    try {
                        held.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            return fleet.connector.open(device);
        }
    }
}
