package io.portcullis.netconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Small DOM helpers and the NETCONF namespaces. */
final class Xml {
    static final String BASE_NS = "urn:ietf:params:xml:ns:netconf:base:1.0";
    static final String NOTIFICATION_NS = "urn:ietf:params:xml:ns:netconf:notification:1.0";
    static final String NOTIFICATIONS_NS = "urn:ietf:params:xml:ns:netmod:notification";
    static final String NC_NOTIFICATIONS_NS = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications";

    private Xml() {}

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Element e : children(parent)) {
            if (localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** Trimmed text of the named child, or null when absent. */
    static String childText(Element parent, String localName) {
        Element c = child(parent, localName);
        return c == null ? null : c.getTextContent().strip();
    }

    /** Every namespace declaration in scope at {@code e}: prefix → URI, "" for the default namespace. */
    static Map<String, String> namespacesInScope(Element e) {
        Map<String, String> out = new TreeMap<>();
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            NamedNodeMap attrs = el.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                    String prefix = "xmlns".equals(a.getName()) ? "" : a.getLocalName();
                    out.putIfAbsent(prefix, a.getValue());
                }
            }
        }
        return out;
    }

    static boolean is(Element e, String ns, String localName) {
        return localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI());
    }

    /** Escapes text for element content or a double-quoted attribute. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
