package io.portcullis.alert;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Generic webhook: POSTs the alert as one JSON object. */
public final class WebhookSink implements AlertSink {
    private final URI url;

    public WebhookSink(URI url) {
        this.url = url;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void send(Alert a) {
        HttpPoster.postJson(name(), url, Json.write(body(a)));
    }

    static Map<String, Object> body(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", "portcullis");
        m.put("status", a.status().name().toLowerCase());
        m.put("router", a.router());
        m.put("platform", a.platform());
        m.put("fingerprint", a.fingerprint());
        m.put("summary", a.summary());
        m.put("changes", a.changes());
        m.put("impact", a.impact());
        m.put("changedBy", a.changedBy());
        m.put("startsAt", a.startsAt());
        m.put("endsAt", a.endsAt());
        return m;
    }
}
