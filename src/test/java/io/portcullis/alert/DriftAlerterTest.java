package io.portcullis.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.testing.HttpReceiver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alert decisions and their delivery in every format, over real HTTP to a local receiver. */
class DriftAlerterTest {
    private HttpReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpReceiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    static DriftAlerter.Observation drift(String digest) {
        return new DriftAlerter.Observation(
                "bng-1",
                "junos",
                digest,
                "bng-1 no longer enforces the policy",
                List.of("term changed: PORTCULLIS-V4/block-smtp (destination ports 25 → 25,587)"),
                List.of("TCP/587 toward subscribers (ipv4): dropped → forwarded"),
                "alice (session 7, 192.0.2.9)");
    }

    private DriftAlerter alerter(AlertSettings settings, AlertStateStore store, AlertSink... sinks) {
        return new DriftAlerter(List.of(sinks), store, settings, DeliveryListener.NONE, Clock.systemUTC());
    }

    @Test
    void deduplicatesAndResolvesInEveryFormat() {
        DriftAlerter alerter = new DriftAlerter(List.of(
                new LogSink(),
                new WebhookSink(receiver.uri("/hook"), "noc", "http://pcl.example:8080"),
                new AlertmanagerSink(receiver.uri("/am")),
                new SlackSink(receiver.uri("/slack/T000/B000/secret"))));
        alerter.observe(drift("abc"));
        alerter.observe(drift("abc"));
        assertThat(receiver.requests()).hasSize(3);
        alerter.observe(DriftAlerter.Observation.inSync("bng-1", "junos"));
        alerter.observe(DriftAlerter.Observation.inSync("bng-1", "junos"));
        assertThat(receiver.requests()).hasSize(6);
        String fingerprint = Alert.fingerprint("bng-1", AlertName.POLICY_DRIFT);

        JsonNode hook = receiver.accepted("/hook").get(0).body();
        assertThat(hook.get("version").asText()).isEqualTo("4");
        assertThat(hook.get("status").asText()).isEqualTo("firing");
        assertThat(hook.get("receiver").asText()).isEqualTo("noc");
        assertThat(hook.get("groupKey").asText())
                .isEqualTo("{}:{alertname=\"PortcullisPolicyDrift\", router=\"bng-1\"}");
        assertThat(hook.get("externalURL").asText()).isEqualTo("http://pcl.example:8080");
        JsonNode alert = hook.get("alerts").get(0);
        assertThat(alert.get("status").asText()).isEqualTo("firing");
        assertThat(alert.get("labels").get("alertname").asText()).isEqualTo("PortcullisPolicyDrift");
        assertThat(alert.get("labels").get("router").asText()).isEqualTo("bng-1");
        assertThat(alert.get("labels").get("severity").asText()).isEqualTo("critical");
        assertThat(alert.get("annotations").get("changed_by").asText()).contains("alice");
        assertThat(alert.get("annotations").get("impact").asText()).contains("TCP/587");
        assertThat(alert.get("fingerprint").asText()).isEqualTo(fingerprint);
        assertThat(alert.get("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(Instant.parse(alert.get("startsAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(alert.get("generatorURL").asText()).isEqualTo("http://127.0.0.1:8080/api/routers/bng-1");

        JsonNode am = receiver.accepted("/am/api/v2/alerts").get(0).body();
        assertThat(am.isArray()).isTrue();
        assertThat(am.get(0).get("labels").get("router").asText()).isEqualTo("bng-1");
        assertThat(am.get(0).get("labels").has("fingerprint"))
                .as("labels never change while the alert is open")
                .isFalse();
        assertThat(am.get(0).get("startsAt").asText())
                .isEqualTo(alert.get("startsAt").asText());
        assertThat(am.get(0).has("endsAt")).isFalse();
        assertThat(am.get(0).get("generatorURL").asText()).endsWith("/api/routers/bng-1");

        JsonNode slack = receiver.accepted("/slack/T000/B000/secret").get(0).body();
        assertThat(slack.get("text").asText()).contains("[DRIFT]").contains("alice");
        assertThat(slack.get("blocks").size()).isGreaterThanOrEqualTo(2);

        JsonNode resolvedHook = receiver.accepted("/hook").get(1).body();
        assertThat(resolvedHook.get("status").asText()).isEqualTo("resolved");
        assertThat(resolvedHook.get("alerts").get(0).get("fingerprint").asText())
                .isEqualTo(fingerprint);
        assertThat(Instant.parse(resolvedHook.get("alerts").get(0).get("endsAt").asText()))
                .isAfterOrEqualTo(Instant.parse(alert.get("startsAt").asText()));
        JsonNode resolvedAm = receiver.accepted("/am/api/v2/alerts").get(1).body();
        assertThat(resolvedAm.get(0).get("endsAt").asText()).isNotEmpty();
        assertThat(resolvedAm.get(0).get("labels")).isEqualTo(am.get(0).get("labels"));
    }

    @Test
    void aPastDriftIsSentFiringThenResolvedAndLeavesTheRoutersOtherAlertsAlone() {
        DriftAlerter alerter = new DriftAlerter(List.of(new WebhookSink(receiver.uri("/hook"))));
        for (int i = 0; i < AlertSettings.defaults().unreachableAfter(); i++) {
            alerter.observe(DriftAlerter.Observation.unreachable("bng-1", "junos", "UNREACHABLE", "refused"));
        }
        assertThat(alerter.open("bng-1", AlertName.ROUTER_UNREACHABLE)).isPresent();
        int before = receiver.accepted("/hook").size();

        List<Alert> decided = alerter.reportPastDrift(new DriftAlerter.Observation(
                "bng-1",
                "junos",
                "overwritten-by-1a2b3c4d",
                "bng-1 was changed and overwritten",
                List.of(),
                List.of(),
                null));
        assertThat(decided).extracting(Alert::status).containsExactly(Alert.Status.FIRING, Alert.Status.RESOLVED);
        List<HttpReceiver.Request> hooks = receiver.accepted("/hook");
        assertThat(hooks).hasSize(before + 2);
        assertThat(hooks.get(before).body().get("alerts").get(0).get("status").asText())
                .isEqualTo("firing");
        assertThat(hooks.get(before + 1)
                        .body()
                        .get("alerts")
                        .get(0)
                        .get("status")
                        .asText())
                .isEqualTo("resolved");
        // it says nothing about the router now: the unreachable alert stays open
        assertThat(alerter.open("bng-1", AlertName.ROUTER_UNREACHABLE)).isPresent();
        assertThat(alerter.open("bng-1", AlertName.POLICY_DRIFT)).isEmpty();

        // while a drift alert is open, that alert is the router's story: a past drift is not sent
        alerter.observe(drift("abc"));
        int open = receiver.accepted("/hook").size();
        assertThat(alerter.reportPastDrift(drift("def"))).isEmpty();
        assertThat(receiver.accepted("/hook")).hasSize(open);
        assertThat(alerter.open("bng-1", AlertName.POLICY_DRIFT).orElseThrow().detail())
                .isEqualTo("abc");
    }

    @Test
    void anAuthorLearntAfterTheAlertOpenedIsSentAsAnUpdateOnce() {
        DriftAlerter alerter = new DriftAlerter(List.of(new WebhookSink(receiver.uri("/hook"))));
        DriftAlerter.Observation unknownAuthor = new DriftAlerter.Observation(
                "bng-1",
                "junos",
                "abc",
                "bng-1 no longer enforces the policy",
                List.of("term changed: PORTCULLIS-V4/block-smtp (destination ports 25 → 25,587)"),
                List.of("TCP/587 toward subscribers (ipv4): dropped → forwarded"),
                null);
        Alert opened = alerter.observe(unknownAuthor).get(0);
        assertThat(opened.changedBy()).isNull();
        // the notification's targeted check names who changed it: the same drift, now with its author
        List<Alert> sent = alerter.observe(drift("abc"));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).changedBy()).contains("alice");
        assertThat(sent.get(0).startsAt()).isEqualTo(opened.startsAt());
        assertThat(sent.get(0).fingerprint()).isEqualTo(opened.fingerprint());
        // known now: seen again, nothing is sent
        assertThat(alerter.observe(drift("abc"))).isEmpty();
        List<HttpReceiver.Request> hooks = receiver.accepted("/hook");
        assertThat(hooks).hasSize(2);
        JsonNode update = hooks.get(1).body().get("alerts").get(0);
        assertThat(update.get("status").asText()).isEqualTo("firing");
        assertThat(update.get("annotations").get("changed_by").asText()).contains("alice");
        assertThat(update.get("startsAt").asText())
                .isEqualTo(
                        hooks.get(0).body().get("alerts").get(0).get("startsAt").asText());
    }

    @Test
    void fingerprintIsStablePerRouterAndAlertName() {
        String drift = Alert.fingerprint("bng-1", AlertName.POLICY_DRIFT);
        assertThat(drift).hasSize(16).isEqualTo(Alert.fingerprint("bng-1", AlertName.POLICY_DRIFT));
        assertThat(drift)
                .isNotEqualTo(Alert.fingerprint("bng-2", AlertName.POLICY_DRIFT))
                .isNotEqualTo(Alert.fingerprint("bng-1", AlertName.ROUTER_UNREACHABLE));
    }

    @Test
    void aDifferentDriftUpdatesTheOpenAlertKeepingItsStartAndFingerprint() {
        DriftAlerter alerter = new DriftAlerter(List.of(new WebhookSink(receiver.uri("/hook"))));
        Alert first = alerter.observe(drift("one")).get(0);
        List<Alert> sent = alerter.observe(drift("two"));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).status()).isEqualTo(Alert.Status.FIRING);
        assertThat(sent.get(0).detail()).isEqualTo("two");
        assertThat(sent.get(0).fingerprint()).isEqualTo(first.fingerprint());
        assertThat(sent.get(0).startsAt()).isEqualTo(first.startsAt());
        assertThat(receiver.accepted("/hook")).hasSize(2);
        assertThat(receiver.accepted("/hook")
                        .get(1)
                        .body()
                        .get("alerts")
                        .get(0)
                        .get("annotations")
                        .get("detail")
                        .asText())
                .isEqualTo("two");
    }

    @Test
    void unreachableFiresAfterNConsecutiveFailuresLeavesDriftAloneAndResolvesWhenBack() {
        DriftAlerter alerter = alerter(
                AlertSettings.defaults().withUnreachableAfter(3),
                new InMemoryAlertStateStore(),
                new WebhookSink(receiver.uri("/hook")));
        alerter.observe(drift("abc"));
        DriftAlerter.Observation down = DriftAlerter.Observation.unreachable(
                "bng-1", "junos", "CONNECT", "bng-1 refused the connection on port 830");
        assertThat(alerter.observe(down)).isEmpty();
        assertThat(alerter.observe(down)).isEmpty();
        assertThat(alerter.observe(drift("abc")))
                .as("a success in between starts the count again; same drift, no news")
                .isEmpty();
        assertThat(alerter.observe(down)).isEmpty();
        assertThat(alerter.observe(down)).isEmpty();
        List<Alert> third = alerter.observe(down);
        assertThat(third).hasSize(1);
        assertThat(third.get(0).name()).isEqualTo(AlertName.ROUTER_UNREACHABLE);
        assertThat(third.get(0).summary()).contains("3 times in a row").contains("refused the connection");
        assertThat(alerter.observe(down)).as("fires once").isEmpty();
        assertThat(alerter.activeAlert("bng-1"))
                .as("the drift is unknown while unreachable, not resolved")
                .isPresent();

        assertThat(alerter.observe(DriftAlerter.Observation.inSync("bng-1", "junos")))
                .extracting(a -> a.name() + "/" + a.status())
                .containsExactlyInAnyOrder("ROUTER_UNREACHABLE/RESOLVED", "POLICY_DRIFT/RESOLVED");
        List<JsonNode> bodies = receiver.accepted("/hook").stream()
                .map(HttpReceiver.Request::body)
                .toList();
        assertThat(bodies)
                .extracting(b ->
                        b.get("alerts").get(0).get("labels").get("alertname").asText() + "/"
                                + b.get("status").asText())
                .containsExactly(
                        "PortcullisPolicyDrift/firing",
                        "PortcullisRouterUnreachable/firing",
                        "PortcullisRouterUnreachable/resolved",
                        "PortcullisPolicyDrift/resolved");
    }

    @Test
    void pendingFiresOnlyWhenEnabledAndOldEnough() {
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        DriftAlerter off = alerter(
                AlertSettings.defaults(), new InMemoryAlertStateStore(), new WebhookSink(receiver.uri("/hook")));
        assertThat(off.observe(DriftAlerter.Observation.pending("bng-1", "junos", "rev-7", twoHoursAgo)))
                .as("off by default")
                .isEmpty();

        DriftAlerter on = alerter(
                AlertSettings.defaults().withPending(true, Duration.ofHours(1)),
                new InMemoryAlertStateStore(),
                new WebhookSink(receiver.uri("/hook")));
        assertThat(on.observe(DriftAlerter.Observation.pending(
                        "bng-1", "junos", "rev-7", Instant.now().minus(Duration.ofMinutes(10)))))
                .as("younger than pending-after")
                .isEmpty();
        List<Alert> fired = on.observe(DriftAlerter.Observation.pending("bng-1", "junos", "rev-7", twoHoursAgo));
        assertThat(fired).extracting(Alert::name).containsExactly(AlertName.POLICY_PENDING);
        assertThat(fired.get(0).summary()).contains("rev-7");
        assertThat(on.observe(DriftAlerter.Observation.inSync("bng-1", "junos")))
                .extracting(Alert::status)
                .containsExactly(Alert.Status.RESOLVED);
    }

    @Test
    void aNewAlerterOnTheSameStoreNeitherReFiresNorLosesAResolve() throws Exception {
        AlertStateStore store = new InMemoryAlertStateStore();
        DriftAlerter before = alerter(AlertSettings.defaults(), store, new WebhookSink(receiver.uri("/hook")));
        Alert fired = before.observe(drift("abc")).get(0);
        before.close();

        // "restart": the same drift seen again, this time without an author
        DriftAlerter after = alerter(AlertSettings.defaults(), store, new WebhookSink(receiver.uri("/hook")));
        assertThat(after.observe(
                        new DriftAlerter.Observation("bng-1", "junos", "abc", "s", List.of(), List.of(), null)))
                .isEmpty();
        assertThat(receiver.accepted("/hook")).hasSize(1);
        assertThat(after.activeAlert("bng-1").orElseThrow().startsAt()).isEqualTo(fired.startsAt());
        assertThat(after.activeAlert("bng-1").orElseThrow().changedBy()).contains("alice");

        // resolved while the receiver is down, then the process "restarts": the resolve is still delivered
        receiver.failNext(100, 503);
        after.observe(DriftAlerter.Observation.inSync("bng-1", "junos"));
        after.close();
        assertThat(store.all()).extracting(s -> s.alert().status()).containsExactly(Alert.Status.RESOLVED);
        receiver.failNext(0, 503);
        DriftAlerter third = alerter(
                AlertSettings.defaults().withBackoff(Duration.ofMillis(100), Duration.ofMillis(400)),
                store,
                new WebhookSink(receiver.uri("/hook")));
        third.start();
        try {
            assertThat(receiver.await(
                            r -> r.answeredWith() == 200
                                    && "resolved".equals(r.body().get("status").asText()),
                            Duration.ofSeconds(5)))
                    .isNotNull();
            long until = System.currentTimeMillis() + 2000;
            while (!store.all().isEmpty() && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            assertThat(store.all()).as("forgotten once delivered everywhere").isEmpty();
        } finally {
            third.close();
        }
    }
}
