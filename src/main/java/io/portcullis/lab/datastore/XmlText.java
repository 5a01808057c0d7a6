package io.portcullis.lab.datastore;

import java.util.HashMap;
import java.util.Map;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A small, fast DOM serializer (replies are built on every get-config, so no Transformer). It declares
 * every namespace an element needs that its serialized ancestors did not, so a subtree is self-contained.
 */
public final class XmlText {
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private XmlText() {}

    public static String of(Element e) {
        StringBuilder sb = new StringBuilder(256);
        append(sb, e);
        return sb.toString();
    }

    /** Serializes {@code e} as if its parent had the NETCONF base namespace as default namespace. */
    public static void append(StringBuilder sb, Element e) {
        Map<String, String> scope = new HashMap<>();
        scope.put("", Dom.NETCONF_NS);
        write(sb, e, scope);
    }

    /** Serializes {@code e} into a context whose in-scope bindings are {@code scope} (prefix → namespace; "" default). */
    public static void append(StringBuilder sb, Element e, Map<String, String> scope) {
        write(sb, e, new HashMap<>(scope));
    }

    private static void write(StringBuilder sb, Element e, Map<String, String> inherited) {
        Map<String, String> scope = inherited;
        String prefix = e.getPrefix() == null ? "" : e.getPrefix();
        String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
        String name = prefix.isEmpty() ? Dom.localName(e) : prefix + ":" + Dom.localName(e);
        sb.append('<').append(name);
        StringBuilder attrs = new StringBuilder();
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr a = (Attr) map.item(i);
            if (XMLNS.equals(a.getNamespaceURI())) {
                String p = "xmlns".equals(a.getName()) ? "" : a.getLocalName();
                if (!a.getValue().equals(scope.get(p))) {
                    scope = scope == inherited ? new HashMap<>(inherited) : scope;
                    scope.put(p, a.getValue());
                    attrs.append(' ').append(a.getName()).append("=\"");
                    escape(attrs, a.getValue(), true);
                    attrs.append('"');
                }
            }
        }
        if (!ns.equals(scope.getOrDefault(prefix, ""))) {
            scope = scope == inherited ? new HashMap<>(inherited) : scope;
            scope.put(prefix, ns);
            sb.append(prefix.isEmpty() ? " xmlns=\"" : " xmlns:" + prefix + "=\"");
            escape(sb, ns, true);
            sb.append('"');
        }
        sb.append(attrs);
        for (int i = 0; i < map.getLength(); i++) {
            Attr a = (Attr) map.item(i);
            if (XMLNS.equals(a.getNamespaceURI())) {
                continue;
            }
            String ans = a.getNamespaceURI();
            if (ans != null && !ans.isEmpty() && a.getPrefix() != null && !ans.equals(scope.get(a.getPrefix()))) {
                scope = scope == inherited ? new HashMap<>(inherited) : scope;
                scope.put(a.getPrefix(), ans);
                sb.append(" xmlns:").append(a.getPrefix()).append("=\"");
                escape(sb, ans, true);
                sb.append('"');
            }
            sb.append(' ').append(a.getName()).append("=\"");
            escape(sb, a.getValue(), true);
            sb.append('"');
        }
        Node child = e.getFirstChild();
        if (child == null) {
            sb.append("/>");
            return;
        }
        sb.append('>');
        for (; child != null; child = child.getNextSibling()) {
            if (child instanceof Element c) {
                write(sb, c, scope);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                escape(sb, child.getNodeValue(), false);
            }
        }
        sb.append("</").append(name).append('>');
    }

    public static void escape(StringBuilder sb, String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                case '\r' -> sb.append("&#13;");
                default -> sb.append(c);
            }
        }
    }

    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        escape(sb, s, true);
        return sb.toString();
    }
}
