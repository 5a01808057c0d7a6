package io.portcullis.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real HTTP deliveries to a tiny local receiver, one path per sink format. */
class DriftAlerterTest {
    private HttpServer server;
    private final List<String[]> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            received.add(new String[] {ex.getRequestURI().getPath(), new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static DriftAlerter.Observation drift(String fp) {
        return new DriftAlerter.Observation("bng-1", "junos", fp, "bng-1 no longer enforces the policy",
                List.of("term changed: PORTCULLIS-V4/block-smtp (destination ports 25 → 25,587)"),
                List.of("TCP/587 toward subscribers (ipv4): dropped → forwarded"), "alice (session 7, 192.0.2.9)");
    }

    @Test
    void deduplicatesAndResolvesInEveryFormat() throws Exception {
        DriftAlerter alerter = new DriftAlerter(List.of(new LogSink(), new WebhookSink(url("/hook")),
                new AlertmanagerSink(url("/am")), new SlackSink(url("/slack/T000/B000/secret"))));
        alerter.observe(drift("abc"));
        alerter.observe(drift("abc"));
        assertThat(received).hasSize(3);
        alerter.observe(DriftAlerter.Observation.inSync("bng-1", "junos"));
        alerter.observe(DriftAlerter.Observation.inSync("bng-1", "junos"));
        assertThat(received).hasSize(6);

        ObjectMapper m = new ObjectMapper();
        JsonNode hook = m.readTree(received.get(0)[1]);
        assertThat(received.get(0)[0]).isEqualTo("/hook");
        assertThat(hook.get("status").asText()).isEqualTo("firing");
        assertThat(hook.get("router").asText()).isEqualTo("bng-1");
        assertThat(hook.get("changedBy").asText()).contains("alice");
        assertThat(hook.get("impact").get(0).asText()).contains("TCP/587");

        JsonNode am = m.readTree(received.get(1)[1]);
        assertThat(received.get(1)[0]).isEqualTo("/am/api/v2/alerts");
        assertThat(am.isArray()).isTrue();
        assertThat(am.get(0).get("labels").get("router").asText()).isEqualTo("bng-1");
        assertThat(am.get(0).get("startsAt").asText()).isNotEmpty();
        assertThat(am.get(0).has("endsAt")).isFalse();

        JsonNode slack = m.readTree(received.get(2)[1]);
        assertThat(slack.get("text").asText()).contains("[DRIFT]").contains("alice");
        assertThat(slack.get("blocks").size()).isGreaterThanOrEqualTo(2);

        JsonNode resolvedHook = m.readTree(received.get(3)[1]);
        assertThat(resolvedHook.get("status").asText()).isEqualTo("resolved");
        JsonNode resolvedAm = m.readTree(received.get(4)[1]);
        assertThat(resolvedAm.get(0).get("endsAt").asText()).isNotEmpty();
        assertThat(resolvedAm.get(0).get("labels").get("fingerprint").asText()).isEqualTo("abc");
    }

    @Test
    void aDifferentDriftResolvesTheOldAlertAndFiresANewOne() {
        DriftAlerter alerter = new DriftAlerter(List.of(new WebhookSink(url("/hook"))));
        alerter.observe(drift("one"));
        List<Alert> sent = alerter.observe(drift("two"));
        assertThat(sent).extracting(Alert::status).containsExactly(Alert.Status.RESOLVED, Alert.Status.FIRING);
        assertThat(sent).extracting(Alert::fingerprint).containsExactly("one", "two");
    }

    @Test
    void aFailedDeliveryIsRetriedAtTheNextCheckAndNeverLeaksTheUrlSecret() {
        status = 500;
        DriftAlerter alerter = new DriftAlerter(List.of(new SlackSink(url("/slack/T000/B000/secret"))));
        try {
            new SlackSink(url("/slack/T000/B000/secret")).send(new Alert(Alert.Status.FIRING, "r", "p", "f", "s", List.of(), List.of(),
                    null, java.time.Instant.now(), null));
        } catch (AlertDeliveryException e) {
            assertThat(e.getMessage()).doesNotContain("secret").contains("HTTP 500");
        }
        alerter.observe(drift("abc"));
        status = 200;
        alerter.observe(drift("abc"));
        alerter.observe(drift("abc"));
        assertThat(received).hasSize(3); // the direct send, the failed one, the retry; not the third check
    }
}
