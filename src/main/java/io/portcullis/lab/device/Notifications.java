package io.portcullis.lab.device;

import io.portcullis.lab.datastore.AppliedEdit;
import io.portcullis.lab.datastore.XmlText;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds RFC 5277 notifications carrying RFC 6470 netconf-config-change and netconf-confirmed-commit events. */
final class Notifications {
    static final String NOTIFICATION_NS = "urn:ietf:params:xml:ns:netconf:notification:1.0";
    static final String EVENTS_NS = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications";
    /** Edits listed per notification at most; a huge merge would otherwise make a huge event. */
    private static final int MAX_EDITS = 200;

    private Notifications() {}

    /** Who made a change: a NETCONF session, a CLI user (session 0), or the server itself (null username). */
    record ChangedBy(String username, int sessionId, String sourceHost) {
        static final ChangedBy SERVER = new ChangedBy(null, 0, null);

        void append(StringBuilder sb) {
            if (username == null) {
                sb.append("<server/>");
                return;
            }
            sb.append("<username>")
                    .append(XmlText.escape(username))
                    .append("</username><session-id>")
                    .append(sessionId)
                    .append("</session-id>");
            if (sourceHost != null) {
                sb.append("<source-host>").append(XmlText.escape(sourceHost)).append("</source-host>");
            }
        }
    }

    static String configChange(ChangedBy by, String datastore, List<AppliedEdit> edits) {
        StringBuilder sb = open().append("<netconf-config-change xmlns=\"")
                .append(EVENTS_NS)
                .append("\"><changed-by>");
        by.append(sb);
        sb.append("</changed-by><datastore>").append(datastore).append("</datastore>");
        for (AppliedEdit e : edits.subList(0, Math.min(edits.size(), MAX_EDITS))) {
            Map<String, String> decl = new LinkedHashMap<>();
            String target = e.target().toInstanceIdentifier(decl);
            sb.append("<edit><target");
            decl.forEach((p, ns) -> sb.append(" xmlns:")
                    .append(p)
                    .append("=\"")
                    .append(XmlText.escape(ns))
                    .append('"'));
            sb.append('>')
                    .append(XmlText.escape(target))
                    .append("</target><operation>")
                    .append(e.operation().xmlName())
                    .append("</operation></edit>");
        }
        return sb.append("</netconf-config-change></notification>").toString();
    }

    /** confirm-event start | cancel | timeout | extend | complete; timeout seconds on start/extend. */
    static String confirmedCommit(ChangedBy by, String event, Long timeoutSeconds) {
        StringBuilder sb = open().append("<netconf-confirmed-commit xmlns=\"")
                .append(EVENTS_NS)
                .append("\">");
        if (by.username() != null && !event.equals("timeout")) {
            by.append(sb);
        }
        sb.append("<confirm-event>").append(event).append("</confirm-event>");
        if (timeoutSeconds != null) {
            sb.append("<timeout>").append(timeoutSeconds).append("</timeout>");
        }
        return sb.append("</netconf-confirmed-commit></notification>").toString();
    }

    private static StringBuilder open() {
        return new StringBuilder(512)
                .append("<notification xmlns=\"")
                .append(NOTIFICATION_NS)
                .append("\"><eventTime>")
                .append(DateTimeFormatter.ISO_INSTANT.format(Instant.now()))
                .append("</eventTime>");
    }
}
