package io.portcullis.alert;

import java.time.Instant;
import java.util.Map;

/**
 * What the alert store keeps per alert: the alert as last decided (firing, or resolved and not yet delivered
 * everywhere) and, per sink name, when this version of it was last delivered there. A sink missing from
 * {@code sentTo} still has to receive it; a new version (changed content, resolve) starts with an empty map.
 */
public record AlertState(Alert alert, Map<String, Instant> sentTo) {
    public AlertState {
        sentTo = Map.copyOf(sentTo);
    }

    public static AlertState fresh(Alert alert) {
        return new AlertState(alert, Map.of());
    }

    public String fingerprint() {
        return alert.fingerprint();
    }
}
