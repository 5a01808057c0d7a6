package io.portcullis.alert;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Labels and annotations as Alertmanager and its webhook bridges expect them. Labels identify the alert and
 * never change while it is open (alertname, router, platform, severity, service), so Alertmanager sees one
 * alert per router and name; everything that changes (summary, the drift, who changed it) is an annotation.
 */
final class AlertmanagerFormat {
    private AlertmanagerFormat() {}

    static Map<String, String> labels(Alert a) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", a.name().alertname());
        labels.put("router", a.router());
        if (a.platform() != null) {
            labels.put("platform", a.platform());
        }
        labels.put("severity", a.name().severity());
        labels.put("service", "portcullis");
        return labels;
    }

    static Map<String, String> annotations(Alert a) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", a.summary());
        if (!a.changes().isEmpty()) {
            annotations.put("description", String.join("\n", a.changes()));
        }
        if (!a.impact().isEmpty()) {
            annotations.put("impact", String.join("\n", a.impact()));
        }
        if (a.changedBy() != null) {
            annotations.put("changed_by", a.changedBy());
        }
        if (a.detail() != null) {
            annotations.put("detail", a.detail());
        }
        return annotations;
    }

    /** One alert of the Alertmanager v2 API (POST /api/v2/alerts): endsAt only on resolve. */
    static Map<String, Object> apiAlert(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("labels", labels(a));
        m.put("annotations", annotations(a));
        m.put("startsAt", a.startsAt());
        if (a.endsAt() != null) {
            m.put("endsAt", a.endsAt());
        }
        m.put("generatorURL", a.generatorUrl());
        return m;
    }
}
