package io.portcullis.alert;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Slack incoming-webhook compatible: {@code text} for notifications plus {@code blocks} for layout. */
public final class SlackSink implements AlertSink {
    private final URI url;

    public SlackSink(URI url) {
        this.url = url;
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public void send(Alert a) {
        HttpPoster.postJson(name(), url, Json.write(body(a)));
    }

    static Map<String, Object> body(Alert a) {
        String head = (a.firing() ? ":rotating_light: *" + title(a.name()) + "* " : ":white_check_mark: *Resolved* ")
                + a.summary()
                + (a.changedBy() != null && a.status() == Alert.Status.FIRING
                        ? " (changed by " + a.changedBy() + ")"
                        : "");
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(section(head));
        if (a.status() == Alert.Status.FIRING && !a.impact().isEmpty()) {
            blocks.add(section("*Impact*\n"
                    + String.join("\n", a.impact().stream().map(i -> "• " + i).toList())));
        }
        if (a.status() == Alert.Status.FIRING && !a.changes().isEmpty()) {
            blocks.add(section("*Changes*\n```" + String.join("\n", a.changes()) + "```"));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", a.text());
        m.put("blocks", blocks);
        return m;
    }

    private static String title(AlertName name) {
        return switch (name) {
            case POLICY_DRIFT -> "Policy drift";
            case ROUTER_UNREACHABLE -> "Router unreachable";
            case POLICY_PENDING -> "Policy pending";
        };
    }

    private static Map<String, Object> section(String markdown) {
        return Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", markdown));
    }
}
