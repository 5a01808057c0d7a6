package io.portcullis.netconf;

import org.w3c.dom.Element;

/**
 * RFC 6470 "changed-by"/common-session-parms: either the server itself, or a user with session-id and source-host.
 *
 * @param server true when the server made the change itself
 * @param username user name or null
 * @param sessionId NETCONF session-id (0 = not NETCONF, e.g. CLI) or null
 * @param sourceHost address of the user's client or null
 */
public record ChangedBy(boolean server, String username, Long sessionId, String sourceHost) {

    static ChangedBy parse(Element holder) {
        if (holder == null) {
            return new ChangedBy(false, null, null, null);
        }
        boolean server = Xml.child(holder, "server") != null;
        String sid = Xml.childText(holder, "session-id");
        Long id = null;
        if (sid != null && sid.matches("\\d{1,10}")) {
            id = Long.parseLong(sid);
        }
        return new ChangedBy(server, Xml.childText(holder, "username"), id, Xml.childText(holder, "source-host"));
    }

    public String describe() {
        if (server) {
            return "the server";
        }
        return (username == null ? "unknown user" : username)
                + (sessionId == null ? "" : " (session " + sessionId + ")")
                + (sourceHost == null ? "" : " from " + sourceHost);
    }
}
