package io.portcullis.alert;

import java.time.Duration;

/**
 * Alert behaviour from configuration ({@code portcullis.alert.*}). {@code resendInterval}: how often open alerts
 * are sent to Alertmanager again (it resolves alerts not re-sent within its resolve_timeout, 5m by default).
 * {@code unreachableAfter}: consecutive failed checks before PortcullisRouterUnreachable fires.
 * {@code pendingAfter}: how long a newer policy revision may wait unapplied before PortcullisPolicyPending fires
 * (only when {@code pendingEnabled}). Retries of a failed delivery wait {@code minBackoff}, doubling up to
 * {@code maxBackoff}. {@code externalUrl}: the service's base URL, for each alert's generatorURL.
 */
public record AlertSettings(
        Duration resendInterval,
        int unreachableAfter,
        boolean pendingEnabled,
        Duration pendingAfter,
        Duration minBackoff,
        Duration maxBackoff,
        String externalUrl) {
    public AlertSettings {
        if (resendInterval.isNegative() || resendInterval.isZero()) {
            throw new IllegalArgumentException("portcullis.alert.resend-interval must be positive");
        }
        if (unreachableAfter < 1) {
            throw new IllegalArgumentException("portcullis.alert.unreachable-after must be at least 1");
        }
        if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException(
                    "portcullis.alert.retry.min-backoff must be positive and at most max-backoff");
        }
        externalUrl = externalUrl.replaceAll("/+$", "");
    }

    public static AlertSettings defaults() {
        return new AlertSettings(
                Duration.ofMinutes(1),
                3,
                false,
                Duration.ofHours(1),
                Duration.ofSeconds(1),
                Duration.ofMinutes(5),
                "http://127.0.0.1:8080");
    }

    public AlertSettings withResendInterval(Duration d) {
        return new AlertSettings(
                d, unreachableAfter, pendingEnabled, pendingAfter, minBackoff, maxBackoff, externalUrl);
    }

    public AlertSettings withUnreachableAfter(int n) {
        return new AlertSettings(resendInterval, n, pendingEnabled, pendingAfter, minBackoff, maxBackoff, externalUrl);
    }

    public AlertSettings withPending(boolean enabled, Duration after) {
        return new AlertSettings(resendInterval, unreachableAfter, enabled, after, minBackoff, maxBackoff, externalUrl);
    }

    public AlertSettings withBackoff(Duration min, Duration max) {
        return new AlertSettings(resendInterval, unreachableAfter, pendingEnabled, pendingAfter, min, max, externalUrl);
    }

    /** Where an alert's "source" link points: the router in the REST API. */
    String routerUrl(String router) {
        return externalUrl + "/api/routers/"
                + java.net.URLEncoder.encode(router, java.nio.charset.StandardCharsets.UTF_8);
    }
}
