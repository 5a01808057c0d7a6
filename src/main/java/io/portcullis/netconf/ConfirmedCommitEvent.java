package io.portcullis.netconf;

import java.util.Optional;
import org.w3c.dom.Element;

/**
 * RFC 6470 {@code netconf-confirmed-commit}: the lifecycle of a confirmed commit. A {@code timeout} event means the
 * device reverted on its own.
 *
 * @param by user/session-id/source-host of the session that owns the confirmed commit
 * @param confirmEvent start, cancel, timeout, extend or complete
 * @param timeoutSeconds seconds until the revert (on start/extend), or null
 * @param eventTime the notification's eventTime text
 */
public record ConfirmedCommitEvent(ChangedBy by, String confirmEvent, Long timeoutSeconds, String eventTime) {

    static Optional<ConfirmedCommitEvent> from(Notification n) {
        Element e = n.event();
        if (e == null || !Xml.is(e, Xml.NC_NOTIFICATIONS_NS, "netconf-confirmed-commit")) {
            return Optional.empty();
        }
        String t = Xml.childText(e, "timeout");
        Long timeout = t != null && t.matches("\\d{1,10}") ? Long.parseLong(t) : null;
        return Optional.of(new ConfirmedCommitEvent(
                ChangedBy.parse(e), Xml.childText(e, "confirm-event"), timeout, n.eventTimeText()));
    }
}
