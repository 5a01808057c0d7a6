package io.portcullis.netconf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * A successful {@code <rpc-reply>}: {@code <ok/>}, {@code <data>}, other content, and any warning-severity
 * rpc-errors (which do not fail the operation).
 *
 * @param messageId the echoed message-id
 * @param ok whether {@code <ok/>} was present
 * @param data the {@code <data>} element, or null
 * @param warnings rpc-errors of severity warning
 * @param root the whole rpc-reply element (for operations with other output)
 */
public record RpcReply(String messageId, boolean ok, Element data, List<RpcError> warnings, Element root) {

    public RpcReply {
        warnings = List.copyOf(warnings);
    }

    /** Parses a reply; rpc-errors of severity error become an {@link RpcErrorException}. */
    static RpcReply parse(String operation, Element root) throws RpcErrorException {
        List<RpcError> errors = new ArrayList<>();
        boolean ok = false;
        Element data = null;
        boolean failed = false;
        for (Element child : Xml.children(root)) {
            switch (child.getLocalName()) {
                case "rpc-error" -> {
                    RpcError e = parseError(child);
                    errors.add(e);
                    failed |= !e.isWarning();
                }
                case "ok" -> ok = true;
                case "data" -> data = child;
                default -> {}
            }
        }
        if (failed) {
            throw new RpcErrorException(operation, errors);
        }
        return new RpcReply(root.getAttribute("message-id"), ok, data, errors, root);
    }

    static RpcError parseError(Element e) {
        String typeText = Xml.childText(e, "error-type");
        RpcError.ErrorType type =
                switch (typeText == null ? "" : typeText) {
                    case "transport" -> RpcError.ErrorType.TRANSPORT;
                    case "rpc" -> RpcError.ErrorType.RPC;
                    case "protocol" -> RpcError.ErrorType.PROTOCOL;
                    case "application" -> RpcError.ErrorType.APPLICATION;
                    default -> RpcError.ErrorType.UNKNOWN;
                };
        String severityText = Xml.childText(e, "error-severity");
        RpcError.Severity severity =
                "warning".equals(severityText) ? RpcError.Severity.WARNING : RpcError.Severity.ERROR;
        Element pathEl = Xml.child(e, "error-path");
        Map<String, String> ns = pathEl == null ? Map.of() : Xml.namespacesInScope(pathEl);
        Element msgEl = Xml.child(e, "error-message");
        String lang = null;
        if (msgEl != null && msgEl.hasAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")) {
            lang = msgEl.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
        }
        return new RpcError(
                type,
                typeText,
                Xml.childText(e, "error-tag"),
                severity,
                Xml.childText(e, "error-app-tag"),
                pathEl == null ? null : pathEl.getTextContent().strip(),
                ns,
                msgEl == null ? null : msgEl.getTextContent().strip(),
                lang,
                parseInfo(Xml.child(e, "error-info")));
    }

    private static RpcError.ErrorInfo parseInfo(Element info) {
        if (info == null) {
            return RpcError.ErrorInfo.EMPTY;
        }
        List<String> attrs = new ArrayList<>();
        List<String> elems = new ArrayList<>();
        List<String> nss = new ArrayList<>();
        String sessionId = null;
        Map<String, String> other = new LinkedHashMap<>();
        for (Element c : Xml.children(info)) {
            String text = c.getTextContent().strip();
            switch (c.getLocalName()) {
                case "bad-attribute" -> attrs.add(text);
                case "bad-element" -> elems.add(text);
                case "bad-namespace" -> nss.add(text);
                case "session-id" -> sessionId = text;
                default -> other.put(c.getLocalName(), text);
            }
        }
        return new RpcError.ErrorInfo(attrs, elems, nss, sessionId, other);
    }
}
