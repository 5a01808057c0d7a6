package io.portcullis.store;

import java.time.Instant;

/** One attempt to deliver one alert to one sink, and how it went ({@code error} one sentence, URLs without secrets). */
public record AlertDelivery(
        String router,
        String fingerprint,
        String alertStatus,
        String sink,
        Instant attemptedAt,
        boolean delivered,
        String error) {
    public AlertDelivery {
        error = Sanitizer.text(Sanitizer.url(error), 2000);
        attemptedAt = attemptedAt == null ? Instant.now() : attemptedAt;
    }
}
