package io.portcullis.netconf;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * One RFC 5277 {@code <notification>}.
 *
 * @param eventTimeText eventTime as sent (may be absent on broken servers: null)
 * @param event the event element (the first child that is not eventTime), or null
 * @param root the whole notification element
 */
public record Notification(String eventTimeText, Element event, Element root) {

    static Notification of(Element root) {
        String time = null;
        Element event = null;
        for (Element c : Xml.children(root)) {
            if ("eventTime".equals(c.getLocalName())) {
                time = c.getTextContent().strip();
            } else if (event == null) {
                event = c;
            }
        }
        return new Notification(time, event, root);
    }

    /** Parsed eventTime, if present and valid. */
    public Optional<Instant> eventTime() {
        if (eventTimeText == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(eventTimeText).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Local name of the event element ("netconf-config-change", "replayComplete", ...). */
    public String eventName() {
        return event == null ? "" : event.getLocalName();
    }

    public String eventNamespace() {
        return event == null ? "" : String.valueOf(event.getNamespaceURI());
    }

    /** The RFC 6470 netconf-config-change carried here, if this is one. */
    public Optional<ConfigChangeEvent> configChange() {
        return ConfigChangeEvent.from(this);
    }

    /** The RFC 6470 netconf-confirmed-commit carried here, if this is one. */
    public Optional<ConfirmedCommitEvent> confirmedCommit() {
        return ConfirmedCommitEvent.from(this);
    }
}
