package io.portcullis.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * One alert, firing or resolved. {@code fingerprint} is stable for a router and alert name (so Alertmanager,
 * webhook bridges and a restarted service see the same alert however often its content changes);
 * {@code detail} identifies the content (the drift's digest, the error kind), so a different drift on the same
 * router updates the open alert instead of opening a second one. {@code impact} holds packet-fate lines
 * ("TCP/587 toward subscribers (ipv4): dropped → forwarded"); {@code changedBy} is who changed the router when a
 * netconf-config-change notification said so, else null. {@code generatorUrl} points at the router in the API.
 */
public record Alert(
        AlertName name,
        Status status,
        String router,
        String platform,
        String fingerprint,
        String detail,
        String summary,
        List<String> changes,
        List<String> impact,
        String changedBy,
        Instant startsAt,
        Instant endsAt,
        String generatorUrl) {
    public enum Status {
        FIRING,
        RESOLVED
    }

    public Alert {
        changes = List.copyOf(changes);
        impact = List.copyOf(impact);
    }

    /** 16 hex digits, like Alertmanager's own fingerprints; the same for the same router and alert name forever. */
    public static String fingerprint(String router, AlertName name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((name.alertname() + "\0" + router).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Alert resolved(Instant at) {
        return new Alert(
                name,
                Status.RESOLVED,
                router,
                platform,
                fingerprint,
                detail,
                name.resolvedSummary(router),
                changes,
                impact,
                changedBy,
                startsAt,
                at,
                generatorUrl);
    }

    /** The same open alert with new content; {@code startsAt} and an already known author are kept. */
    Alert updated(
            String newDetail, String newSummary, List<String> newChanges, List<String> newImpact, String newChangedBy) {
        return new Alert(
                name,
                status,
                router,
                platform,
                fingerprint,
                newDetail,
                newSummary,
                newChanges,
                newImpact,
                newChangedBy != null ? newChangedBy : changedBy,
                startsAt,
                endsAt,
                generatorUrl);
    }

    public boolean firing() {
        return status == Status.FIRING;
    }

    /** A few human lines for chat and logs. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(firing() ? "[" + name.tag() + "] " : "[RESOLVED] ").append(summary);
        if (changedBy != null && firing()) {
            sb.append(" (changed by ").append(changedBy).append(')');
        }
        if (firing()) {
            impact.forEach(i -> sb.append("\n• ").append(i));
            changes.forEach(c -> sb.append("\n  ").append(c));
        }
        return sb.toString();
    }
}
