package io.portcullis.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.testing.HttpReceiver;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Background delivery: retries with growing backoff, every attempt reported, Alertmanager re-sends. */
class AlertDeliveryTest {
    private HttpReceiver receiver;
    private final List<DeliveryAttempt> attempts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        receiver = HttpReceiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aFailedDeliveryIsRetriedWithGrowingBackoffWithoutWaitingForACheckAndEveryAttemptIsReported() throws Exception {
        receiver.failNext(3, 500);
        AlertSettings s = AlertSettings.defaults().withBackoff(Duration.ofMillis(200), Duration.ofSeconds(5));
        try (DriftAlerter alerter = new DriftAlerter(
                List.of(new SlackSink(receiver.uri("/slack/T000/B000/secret"))),
                new InMemoryAlertStateStore(),
                s,
                attempts::add,
                Clock.systemUTC())) {
            alerter.start();
            alerter.observe(DriftAlerterTest.drift("abc")); // one check only
            assertThat(receiver.await(r -> r.answeredWith() == 200, Duration.ofSeconds(10)))
                    .isNotNull();
        }
        List<HttpReceiver.Request> tries = receiver.requests();
        assertThat(tries).extracting(HttpReceiver.Request::answeredWith).containsExactly(500, 500, 500, 200);
        // gaps between the starts of the attempts (the receiver's arrival times also carry connection set-up)
        long gap1 = Duration.between(attempts.get(0).at(), attempts.get(1).at()).toMillis();
        long gap2 = Duration.between(attempts.get(1).at(), attempts.get(2).at()).toMillis();
        long gap3 = Duration.between(attempts.get(2).at(), attempts.get(3).at()).toMillis();
        assertThat(gap1).isGreaterThanOrEqualTo(200);
        assertThat(gap2).isGreaterThanOrEqualTo(400);
        assertThat(gap3).isGreaterThanOrEqualTo(800).isLessThan(3000);
        assertThat(attempts.get(0).nextAttempt()).isEqualTo(attempts.get(0).at().plusMillis(200));
        assertThat(attempts).extracting(DeliveryAttempt::attempt).containsExactly(1, 2, 3, 4);
        assertThat(attempts).extracting(DeliveryAttempt::delivered).containsExactly(false, false, false, true);
        assertThat(attempts)
                .allMatch(a -> a.sink().equals("slack") && a.alertname().equals("PortcullisPolicyDrift"));
        assertThat(attempts.get(0).error())
                .contains("HTTP 500")
                .doesNotContain("secret")
                .doesNotContain("T000");
        assertThat(attempts.get(0).nextAttempt()).isAfter(attempts.get(0).at());
        assertThat(attempts.get(3).error()).isNull();
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        AlertDelivery d = new AlertDelivery(
                List.of(),
                new InMemoryAlertStateStore(),
                AlertSettings.defaults().withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5)),
                DeliveryListener.NONE,
                Clock.systemUTC());
        assertThat(List.of(1, 2, 3, 4, 10).stream()
                        .map(d::backoff)
                        .map(Duration::toSeconds)
                        .toList())
                .containsExactly(1L, 2L, 4L, 5L, 5L);
    }

    @Test
    void alertmanagerGetsOpenAlertsAgainEveryResendIntervalOtherSinksOnce() throws Exception {
        AlertSettings s = AlertSettings.defaults().withResendInterval(Duration.ofMillis(300));
        try (DriftAlerter alerter = new DriftAlerter(
                List.of(new AlertmanagerSink(receiver.uri("/am")), new WebhookSink(receiver.uri("/hook"))),
                new InMemoryAlertStateStore(),
                s,
                attempts::add,
                Clock.systemUTC())) {
            alerter.start();
            alerter.observe(DriftAlerterTest.drift("abc"));
            Thread.sleep(1500);
            List<HttpReceiver.Request> am = receiver.accepted("/am/api/v2/alerts");
            assertThat(am.size()).as("re-sent about every 300 ms").isBetween(3, 7);
            assertThat(am)
                    .extracting(r -> r.body().get(0).get("startsAt").asText())
                    .containsOnly(am.get(0).body().get(0).get("startsAt").asText());
            assertThat(am).allMatch(r -> !r.body().get(0).has("endsAt"));
            assertThat(receiver.accepted("/hook"))
                    .as("the webhook is told once")
                    .hasSize(1);

            alerter.observe(DriftAlerter.Observation.inSync("bng-1", "junos"));
            int afterResolve = receiver.accepted("/am/api/v2/alerts").size();
            JsonNode last =
                    receiver.accepted("/am/api/v2/alerts").get(afterResolve - 1).body();
            assertThat(last.get(0).get("endsAt").asText()).isNotEmpty();
            Thread.sleep(800);
            assertThat(receiver.accepted("/am/api/v2/alerts"))
                    .as("a resolved alert is not re-sent")
                    .hasSize(afterResolve);
        }
    }
}
