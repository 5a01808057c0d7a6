package io.portcullis.platform;

import java.io.StringReader;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Why: JAXB turns an identity value whose prefix is not declared ({@code pm:IP_UDP} without
 * {@code xmlns:pm}) into null, which a reader would take as "not set" — e.g. protocol "any", a
 * silently wrong IR. This pass finds such values in the given identity leaves first and refuses
 * the document with a clear message instead.
 */
public final class IdentityPrefixes {
    private IdentityPrefixes() {}

    /**
     * @param namespace  only elements in this namespace are checked (foreign trees are not ours to judge)
     * @param localNames identity-valued leaves, e.g. {@code type}, {@code protocol}, {@code forwarding-action}
     * @throws ReadException naming the leaf, the value and the undeclared prefix
     */
    public static void requireDeclared(String xml, String what, String namespace, Set<String> localNames) {
        if (xml == null) {
            return;
        }
        XMLStreamReader r = null;
        try {
            r = XmlReading.secureFactory().createXMLStreamReader(new StringReader(xml));
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT
                        && namespace.equals(r.getNamespaceURI())
                        && localNames.contains(r.getLocalName())) {
                    String leaf = r.getLocalName();
                    javax.xml.namespace.NamespaceContext scope = r.getNamespaceContext();
                    String text = r.getElementText().trim();
                    int colon = text.indexOf(':');
                    if (colon > 0) {
                        String prefix = text.substring(0, colon);
                        String uri = scope.getNamespaceURI(prefix);
                        if (uri == null || uri.isEmpty()) {
                            throw new ReadException(
                                    "cannot read " + what + ": <" + leaf + "> holds '" + text + "' but prefix '"
                                            + prefix
                                            + "' is not declared, so the identity cannot be resolved; check the device's reply");
                        }
                    }
                }
            }
        } catch (XMLStreamException e) {
            // not well-formed, DOCTYPE, mixed content: XmlReading reports these with its own clear message
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // string reader, nothing to release
                }
            }
        }
    }
}
