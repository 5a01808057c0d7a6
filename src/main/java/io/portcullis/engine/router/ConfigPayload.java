package io.portcullis.engine.router;

import io.portcullis.netconf.xml.SecureXml;
import io.portcullis.netconf.xml.XmlParseException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Renderers produce a whole {@code <config>} element; edit-config wants its content. The content
 * is re-serialised child by child, each carrying the namespace declarations it inherited from
 * {@code <config>} (identity values such as {@code oc-acl:DROP} use prefixes in text, which a
 * serialiser cannot see).
 */
final class ConfigPayload {
    private ConfigPayload() {}

    static String content(String configXml) {
        Document doc;
        try {
            doc = SecureXml.parse(configXml);
        } catch (XmlParseException e) {
            throw new IllegalStateException("the rendered configuration is not well-formed XML: " + e.getMessage());
        }
        Element root = doc.getDocumentElement();
        if (!"config".equals(root.getLocalName())) {
            return configXml;
        }
        StringBuilder sb = new StringBuilder();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                NamedNodeMap attrs = root.getAttributes();
                for (int i = 0; i < attrs.getLength(); i++) {
                    Attr a = (Attr) attrs.item(i);
                    boolean nsDecl = "http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI());
                    if (nsDecl && !a.getName().equals("xmlns") && !child.hasAttribute(a.getName())) {
                        child.setAttributeNS("http://www.w3.org/2000/xmlns/", a.getName(), a.getValue());
                    }
                }
                sb.append(SecureXml.toXml(child));
            }
        }
        return sb.toString();
    }
}
