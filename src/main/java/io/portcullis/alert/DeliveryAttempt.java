package io.portcullis.alert;

import java.time.Instant;

/**
 * One try at delivering one alert to one sink, reported to a {@link DeliveryListener} (metrics now, the
 * database's delivery log later). {@code attempt} counts from 1 for each version of the alert; {@code error}
 * is one sentence without secrets (null when delivered); {@code nextAttempt} is when a failed one is tried again.
 */
public record DeliveryAttempt(
        String fingerprint,
        String alertname,
        String router,
        Alert.Status status,
        String sink,
        int attempt,
        Instant at,
        boolean delivered,
        String error,
        Instant nextAttempt) {}
