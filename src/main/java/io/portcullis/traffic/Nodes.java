package io.portcullis.traffic;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Finding keyed list entries in a datastore copy and appending state leaves to them. */
final class Nodes {
    private Nodes() {}

    static Element child(Element parent, String ns, String local) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && ns.equals(nsOf(e))) {
                return e;
            }
        }
        return null;
    }

    /** The list entry {@code local} under {@code parent} whose leaf {@code key} has text {@code value}; null when none. */
    static Element entry(Element parent, String ns, String local, String key, String value) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && ns.equals(nsOf(e))) {
                Element k = child(e, ns, key);
                if (k != null && k.getTextContent().strip().equals(value)) {
                    return e;
                }
            }
        }
        return null;
    }

    static Element path(Element from, String ns, String... steps) {
        Element e = from;
        for (String s : steps) {
            e = child(e, ns, s);
        }
        return e;
    }

    static Element add(Element parent, String ns, String local) {
        Element e = parent.getOwnerDocument().createElementNS(ns.isEmpty() ? null : ns, local);
        parent.appendChild(e);
        return e;
    }

    static Element leaf(Element parent, String ns, String local, Object value) {
        Element e = add(parent, ns, local);
        e.setTextContent(String.valueOf(value));
        return e;
    }

    private static String nsOf(Element e) {
        return e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
    }
}
