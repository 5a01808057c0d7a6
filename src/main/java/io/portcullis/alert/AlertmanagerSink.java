package io.portcullis.alert;

import java.net.URI;
import java.util.List;

/**
 * Prometheus Alertmanager v2 API: POST {base}/api/v2/alerts with a list of alerts. Alertmanager resolves an
 * alert that is not sent again within its resolve_timeout, so open alerts are re-sent every resend interval
 * ({@link #resends()}); a resolved alert carries endsAt.
 */
public final class AlertmanagerSink implements AlertSink {
    private final URI alertsUrl;

    public AlertmanagerSink(URI baseUrl) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.alertsUrl = URI.create(base.endsWith("/api/v2/alerts") ? base : base + "/api/v2/alerts");
    }

    @Override
    public String name() {
        return "alertmanager";
    }

    @Override
    public boolean resends() {
        return true;
    }

    @Override
    public void send(Alert a) {
        HttpPoster.postJson(name(), alertsUrl, Json.write(List.of(AlertmanagerFormat.apiAlert(a))));
    }
}
