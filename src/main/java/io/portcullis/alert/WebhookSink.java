package io.portcullis.alert;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Generic webhook in the Alertmanager webhook envelope (version "4"), one alert per POST, so bridges written
 * for Alertmanager (Teams, Telegram, PagerDuty relays) consume it unchanged. As Alertmanager does, a firing
 * alert's endsAt is the zero time "0001-01-01T00:00:00Z".
 */
public final class WebhookSink implements AlertSink {
    static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");
    private final java.net.URI url;
    private final String receiver;
    private final String externalUrl;

    public WebhookSink(java.net.URI url, String receiver, String externalUrl) {
        this.url = url;
        this.receiver = receiver;
        this.externalUrl = externalUrl;
    }

    public WebhookSink(java.net.URI url) {
        this(url, "portcullis", AlertSettings.defaults().externalUrl());
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void send(Alert a) {
        HttpPoster.postJson(name(), url, Json.write(envelope(a)));
    }

    Map<String, Object> envelope(Alert a) {
        Map<String, String> labels = AlertmanagerFormat.labels(a);
        Map<String, String> groupLabels = new LinkedHashMap<>();
        groupLabels.put("alertname", labels.get("alertname"));
        groupLabels.put("router", labels.get("router"));
        String status = a.firing() ? "firing" : "resolved";
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("status", status);
        alert.put("labels", labels);
        alert.put("annotations", AlertmanagerFormat.annotations(a));
        alert.put("startsAt", a.startsAt());
        alert.put("endsAt", a.endsAt() == null ? ZERO_TIME : a.endsAt());
        alert.put("generatorURL", a.generatorUrl());
        alert.put("fingerprint", a.fingerprint());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", "4");
        m.put("groupKey", groupKey(groupLabels));
        m.put("truncatedAlerts", 0);
        m.put("status", status);
        m.put("receiver", receiver);
        m.put("groupLabels", groupLabels);
        m.put("commonLabels", labels);
        m.put("commonAnnotations", AlertmanagerFormat.annotations(a));
        m.put("externalURL", externalUrl);
        m.put("alerts", List.of(alert));
        return m;
    }

    /** Alertmanager's form: the route's matchers (none here), then the group labels, {@code {}:{alertname="…", router="…"}}. */
    private static String groupKey(Map<String, String> groupLabels) {
        return "{}:{"
                + groupLabels.entrySet().stream()
                        .map(e -> e.getKey() + "=\"" + e.getValue().replace("\"", "\\\"") + "\"")
                        .collect(Collectors.joining(", "))
                + "}";
    }
}
