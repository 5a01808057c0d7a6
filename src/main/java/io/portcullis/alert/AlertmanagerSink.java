package io.portcullis.alert;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus Alertmanager v2 API: POST {base}/api/v2/alerts with a list of alerts. Labels identify
 * the alert (router + fingerprint), so a resolved message is the same labels with endsAt set.
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
    public void send(Alert a) {
        HttpPoster.postJson(name(), alertsUrl, Json.write(List.of(body(a))));
    }

    static Map<String, Object> body(Alert a) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", "PortcullisPolicyDrift");
        labels.put("router", a.router());
        if (a.platform() != null) {
            labels.put("platform", a.platform());
        }
        labels.put("severity", "critical");
        labels.put("fingerprint", a.fingerprint());
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", a.summary());
        annotations.put("description", String.join("\n", a.changes()));
        annotations.put("impact", String.join("\n", a.impact()));
        if (a.changedBy() != null) {
            annotations.put("changed_by", a.changedBy());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("labels", labels);
        m.put("annotations", annotations);
        m.put("startsAt", a.startsAt());
        if (a.endsAt() != null) {
            m.put("endsAt", a.endsAt());
        }
        return m;
    }
}
