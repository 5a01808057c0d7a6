package io.portcullis.soak;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.testing.HttpReceiver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The alerts as the webhook receiver got them, read back per alert: {@code (name, router, startsAt)} identifies one
 * alert (a restart or failover keeps its startsAt), each with its firing and resolved messages. The generic webhook
 * is posted once per transition, so a second firing message of one alert is a duplicate.
 */
final class AlertLedger {
    static final String DRIFT = "PortcullisPolicyDrift";
    static final String UNREACHABLE = "PortcullisRouterUnreachable";

    /** One alert and what the receiver got for it. */
    record Alert(String name, String router, String startsAt, String changedBy, int firing, int resolved) {
        boolean open() {
            return resolved == 0;
        }
    }

    private final List<Alert> alerts;
    private final int accepted;

    private AlertLedger(List<Alert> alerts, int accepted) {
        this.alerts = alerts;
        this.accepted = accepted;
    }

    static AlertLedger read(HttpReceiver receiver, String path) {
        Map<String, int[]> counts = new HashMap<>();
        Map<String, Alert> first = new HashMap<>();
        List<String> order = new ArrayList<>();
        List<HttpReceiver.Request> accepted = receiver.accepted(path);
        for (HttpReceiver.Request r : accepted) {
            for (JsonNode a : r.body().path("alerts")) {
                String name = a.path("labels").path("alertname").asText();
                String router = a.path("labels").path("router").asText();
                String startsAt = a.path("startsAt").asText();
                String key = name + "|" + router + "|" + startsAt;
                if (!first.containsKey(key)) {
                    first.put(
                            key,
                            new Alert(
                                    name,
                                    router,
                                    startsAt,
                                    a.path("annotations").path("changed_by").asText(""),
                                    0,
                                    0));
                    order.add(key);
                }
                int[] c = counts.computeIfAbsent(key, k -> new int[2]);
                c[a.path("status").asText().equals("firing") ? 0 : 1]++;
            }
        }
        List<Alert> out = new ArrayList<>();
        for (String key : order) {
            Alert a = first.get(key);
            int[] c = counts.get(key);
            out.add(new Alert(a.name(), a.router(), a.startsAt(), a.changedBy(), c[0], c[1]));
        }
        return new AlertLedger(List.copyOf(out), accepted.size());
    }

    List<Alert> alerts() {
        return alerts;
    }

    /** Webhook posts the receiver accepted. */
    int accepted() {
        return accepted;
    }

    /** Drift alerts of this router naming this user as the one who changed it. */
    List<Alert> driftBy(String router, String user) {
        return alerts.stream()
                .filter(a -> a.name().equals(DRIFT)
                        && a.router().equals(router)
                        && a.changedBy().contains(user))
                .toList();
    }

    /** Routers with an alert of any kind still open (fired, not resolved). */
    Set<String> openRouters() {
        return alerts.stream().filter(Alert::open).map(Alert::router).collect(Collectors.toSet());
    }

    /** Alerts fired more than once, or resolved more than once: what a duplicate looks like at the receiver. */
    List<Alert> duplicates() {
        return alerts.stream().filter(a -> a.firing() > 1 || a.resolved() > 1).toList();
    }

    List<Alert> where(Predicate<Alert> p) {
        return alerts.stream().filter(p).toList();
    }

    long count(String name) {
        return alerts.stream().filter(a -> Objects.equals(a.name(), name)).count();
    }
}
