package io.portcullis.lab.server;

import io.portcullis.lab.datastore.DataError;
import io.portcullis.lab.datastore.Dom;
import io.portcullis.lab.datastore.XmlText;
import io.portcullis.lab.device.Reply;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/** Serializes hellos, rpc-replies and rpc-errors (RFC 6241 §4). */
final class Replies {
    private Replies() {}

    static String hello(List<String> capabilities, Integer sessionId) {
        StringBuilder sb = new StringBuilder(2048)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<hello xmlns=\"")
                .append(Dom.NETCONF_NS)
                .append("\"><capabilities>");
        for (String c : capabilities) {
            sb.append("<capability>").append(XmlText.escape(c)).append("</capability>");
        }
        sb.append("</capabilities>");
        if (sessionId != null) {
            sb.append("<session-id>").append(sessionId).append("</session-id>");
        }
        return sb.append("</hello>").toString();
    }

    /**
     * An rpc-reply echoing every attribute of the rpc (message-id and any others, RFC 6241 §4.2).
     *
     * @param messageIdOverride replaces the message-id ("" drops it) for malformed-reply faults; null keeps it
     */
    static String reply(Element rpc, Reply reply, String messageIdOverride, String extraAttribute) {
        StringBuilder sb = new StringBuilder(512)
                .append("<rpc-reply xmlns=\"")
                .append(Dom.NETCONF_NS)
                .append('"');
        NamedNodeMap attrs = rpc == null ? null : rpc.getAttributes();
        for (int i = 0; attrs != null && i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (a.getName().equals("xmlns")
                    || (messageIdOverride != null && a.getName().equals("message-id"))) {
                continue;
            }
            sb.append(' ')
                    .append(a.getName())
                    .append("=\"")
                    .append(XmlText.escape(a.getValue()))
                    .append('"');
        }
        if (messageIdOverride != null && !messageIdOverride.isEmpty()) {
            sb.append(" message-id=\"")
                    .append(XmlText.escape(messageIdOverride))
                    .append('"');
        }
        if (extraAttribute != null) {
            sb.append(' ').append(extraAttribute);
        }
        sb.append('>');
        if (reply instanceof Reply.Data data) {
            sb.append("<data>").append(data.content()).append("</data>");
        } else if (reply instanceof Reply.Output output) {
            sb.append(output.content());
        } else if (reply instanceof Reply.Errors errors) {
            errors.errors().forEach(e -> appendError(sb, e));
        } else {
            sb.append("<ok/>");
        }
        return sb.append("</rpc-reply>").toString();
    }

    static void appendError(StringBuilder sb, DataError e) {
        sb.append("<rpc-error><error-type>")
                .append(e.type())
                .append("</error-type><error-tag>")
                .append(e.tag())
                .append("</error-tag><error-severity>")
                .append(e.severity())
                .append("</error-severity>");
        if (e.appTag() != null) {
            sb.append("<error-app-tag>").append(XmlText.escape(e.appTag())).append("</error-app-tag>");
        }
        if (e.path() != null) {
            sb.append("<error-path>").append(XmlText.escape(e.path())).append("</error-path>");
        }
        if (e.message() != null) {
            sb.append("<error-message xml:lang=\"en\">")
                    .append(XmlText.escape(e.message()))
                    .append("</error-message>");
        }
        if (!e.info().isEmpty()) {
            sb.append("<error-info>");
            for (Map.Entry<String, String> i : e.info().entrySet()) {
                sb.append('<')
                        .append(i.getKey())
                        .append('>')
                        .append(XmlText.escape(i.getValue()))
                        .append("</")
                        .append(i.getKey())
                        .append('>');
            }
            sb.append("</error-info>");
        }
        sb.append("</rpc-error>");
    }
}
