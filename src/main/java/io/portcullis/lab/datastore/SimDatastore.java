package io.portcullis.lab.datastore;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * One simulated configuration datastore (running, candidate or startup): a DOM tree under a NETCONF {@code <data>}
 * element in a document of its own, so datastores never share nodes. Not thread-safe: the device
 * serialises access.
 */
public final class SimDatastore {
    private static final DocumentBuilderFactory FACTORY = DocumentBuilderFactory.newInstance();

    static {
        FACTORY.setNamespaceAware(true);
    }

    private final Document doc;
    private final Element root;

    private SimDatastore() {
        doc = newDocument();
        root = doc.createElementNS(Dom.NETCONF_NS, "data");
        doc.appendChild(root);
    }

    public static SimDatastore empty() {
        return new SimDatastore();
    }

    /** A datastore holding clean copies of the children of {@code configOrData} (a config/data element). */
    public static SimDatastore of(Element configOrData) {
        SimDatastore d = new SimDatastore();
        for (Element c : Dom.children(configOrData)) {
            d.root.appendChild(d.importClean(c));
        }
        return d;
    }

    static Document newDocument() {
        try {
            synchronized (FACTORY) {
                return FACTORY.newDocumentBuilder().newDocument();
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML DOM implementation", e);
        }
    }

    /** The {@code <data>} element whose children are the top-level configuration nodes. */
    public Element root() {
        return root;
    }

    public Document document() {
        return doc;
    }

    public boolean isEmpty() {
        return Dom.children(root).isEmpty();
    }

    public SimDatastore copy() {
        return of(root);
    }

    /** Makes this datastore's content a copy of {@code other}'s. */
    public void replaceContent(SimDatastore other) {
        while (root.getFirstChild() != null) {
            root.removeChild(root.getFirstChild());
        }
        for (Element c : Dom.children(other.root)) {
            root.appendChild(importClean(c));
        }
    }

    /** Replaces {@code marker} inside every text value (fills a per-device name into a shared template). */
    public void replaceInText(String marker, String value) {
        replaceInText(root, marker, value);
    }

    private static void replaceInText(Node n, String marker, String value) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE && c.getNodeValue().contains(marker)) {
                c.setNodeValue(c.getNodeValue().replace(marker, value));
            } else if (c instanceof Element) {
                replaceInText(c, marker, value);
            }
        }
    }

    /** Same content, compared as serialized canonical text (document order included: ordered-by user matters). */
    public boolean sameContent(SimDatastore other) {
        return XmlText.of(root).equals(XmlText.of(other.root));
    }

    /** The configuration as XML text: the children of {@code <data>}, without the wrapper. */
    public String toXml() {
        StringBuilder sb = new StringBuilder();
        for (Element c : Dom.children(root)) {
            XmlText.append(sb, c);
        }
        return sb.toString();
    }

    /**
     * Deep copy of an edit or data element into this document without whitespace-only text between
     * elements, comments, and the NETCONF operation and YANG insert attributes (they are instructions, not data).
     */
    Element importClean(Element source) {
        Element copy = doc.createElementNS(source.getNamespaceURI(), source.getNodeName());
        copyDataAttributes(source, copy);
        boolean leaf = Dom.isLeaf(source);
        for (Node n = source.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                copy.appendChild(importClean(e));
            } else if (leaf && (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE)) {
                copy.appendChild(doc.createTextNode(n.getNodeValue()));
            }
        }
        if (leaf) {
            declareValuePrefix(source, copy);
        }
        return copy;
    }

    static void copyDataAttributes(Element source, Element target) {
        NamedNodeMap attrs = source.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String ns = a.getNamespaceURI();
            if (Dom.NETCONF_NS.equals(ns) || Dom.YANG_NS.equals(ns)) {
                continue;
            }
            if (ns == null && "operation".equals(a.getLocalName())) {
                continue;
            }
            target.setAttributeNS(ns, a.getName(), a.getValue());
        }
    }

    /** A {@code prefix:value} leaf keeps its meaning after the copy: the prefix is declared on the leaf itself. */
    static void declareValuePrefix(Element source, Element target) {
        String t = Dom.text(source);
        int colon = t.indexOf(':');
        if (colon > 0 && t.indexOf(' ') < 0 && t.indexOf('/') < 0) {
            String prefix = t.substring(0, colon);
            String ns = source.lookupNamespaceURI(prefix);
            if (ns != null && prefix.matches("[A-Za-z_][\\w.-]*")) {
                target.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:" + prefix, ns);
            }
        }
    }
}
