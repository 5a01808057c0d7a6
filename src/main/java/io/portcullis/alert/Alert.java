package io.portcullis.alert;

import java.time.Instant;
import java.util.List;

/**
 * One drift alert, firing or resolved. {@code impact} holds packet-fate lines ("TCP/587 toward
 * subscribers (ipv4): dropped → forwarded"); {@code changedBy} is who changed the router when a
 * netconf-config-change notification said so, else null.
 */
public record Alert(Status status, String router, String platform, String fingerprint, String summary,
                    List<String> changes, List<String> impact, String changedBy, Instant startsAt, Instant endsAt) {
    public enum Status { FIRING, RESOLVED }

    public Alert {
        changes = List.copyOf(changes);
        impact = List.copyOf(impact);
    }

    public Alert resolved(Instant at) {
        return new Alert(Status.RESOLVED, router, platform, fingerprint,
                router + " enforces the policy again", changes, impact, changedBy, startsAt, at);
    }

    /** A few human lines for chat and logs. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(status == Status.FIRING ? "[DRIFT] " : "[RESOLVED] ").append(summary);
        if (changedBy != null && status == Status.FIRING) {
            sb.append(" (changed by ").append(changedBy).append(')');
        }
        if (status == Status.FIRING) {
            impact.forEach(i -> sb.append("\n• ").append(i));
            changes.forEach(c -> sb.append("\n  ").append(c));
        }
        return sb.toString();
    }
}
