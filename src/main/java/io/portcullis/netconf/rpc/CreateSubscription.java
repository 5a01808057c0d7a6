package io.portcullis.netconf.rpc;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * RFC 5277 {@code <create-subscription>}: notifications then arrive on the session's NotificationStream until the
 * session ends. Start/stop time need :replay. Use a dedicated session unless the server has :interleave.
 *
 * @param stream stream name or null for the default "NETCONF"
 * @param filter subtree filter content (the {@code <filter>} element's children) or null
 * @param startTime replay start or null
 * @param stopTime replay stop or null (needs startTime)
 */
public record CreateSubscription(String stream, String filter, OffsetDateTime startTime, OffsetDateTime stopTime)
        implements NetconfRpc {
    static final String NS = "urn:ietf:params:xml:ns:netconf:notification:1.0";

    public CreateSubscription {
        if (stopTime != null && startTime == null) {
            throw new IllegalArgumentException("stopTime needs a startTime");
        }
    }

    public static CreateSubscription defaultStream() {
        return new CreateSubscription(null, null, null, null);
    }

    @Override
    public String name() {
        return "create-subscription";
    }

    @Override
    public List<String> requiredCapabilities() {
        return new Caps()
                .add(":notification")
                .addIf(startTime != null, ":replay")
                .list();
    }

    @Override
    public String toXml() {
        StringBuilder sb = new StringBuilder("<create-subscription xmlns=\"" + NS + "\">");
        if (stream != null) {
            sb.append("<stream>").append(Esc.text(stream)).append("</stream>");
        }
        if (filter != null) {
            sb.append("<filter type=\"subtree\">").append(filter).append("</filter>");
        }
        if (startTime != null) {
            sb.append("<startTime>")
                    .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(startTime))
                    .append("</startTime>");
        }
        if (stopTime != null) {
            sb.append("<stopTime>")
                    .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(stopTime))
                    .append("</stopTime>");
        }
        return sb.append("</create-subscription>").toString();
    }
}
