package io.portcullis.soak;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.testing.ServeReplica;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What serve's {@code GET /api/routers} says per router, as an operator would read it: each router's state after its
 * last check (the metric's names: in_policy, pending, drifted, unreachable, unchecked) and whether apply skips it
 * because it is quarantined.
 */
record ServeView(Map<String, String> states, Set<String> quarantined) {

    /** Serve's view, or null while it does not answer. */
    static ServeView read(ServeReplica replica, String token) {
        JsonNode routers = replica.getJson("/api/routers", token);
        if (routers == null || !routers.isArray()) {
            return null;
        }
        Map<String, String> states = new TreeMap<>();
        Set<String> quarantined = new TreeSet<>();
        for (JsonNode r : routers) {
            String name = r.path("router").asText();
            states.put(name, state(r.path("status").asText()));
            if (!r.path("quarantine").isNull() && !r.path("quarantine").isMissingNode()) {
                quarantined.add(name);
            }
        }
        return new ServeView(states, quarantined);
    }

    /** Routers not quarantined whose state is drifted, unreachable or unchecked: what serve alone must settle. */
    Set<String> unsettled() {
        Set<String> out = new TreeSet<>();
        states.forEach((router, state) -> {
            if (!quarantined.contains(router)
                    && Set.of("drifted", "unreachable", "unchecked").contains(state)) {
                out.add(router + " " + state);
            }
        });
        return out;
    }

    /** Count per state. */
    Map<String, Integer> counts() {
        Map<String, Integer> m = new TreeMap<>();
        states.values().forEach(st -> m.merge(st, 1, Integer::sum));
        return m;
    }

    /** The state label ServiceMetrics uses for a RouterView status. */
    private static String state(String status) {
        return switch (status) {
            case "in-sync" -> "in_policy";
            case "drift" -> "drifted";
            case "pending" -> "pending";
            case "error" -> "unreachable";
            default -> "unchecked";
        };
    }
}
