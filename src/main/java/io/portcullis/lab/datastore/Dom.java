package io.portcullis.lab.datastore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM helpers shared by the datastore algorithms; schema-less, so "leaf" means "no element children". */
public final class Dom {
    /** The NETCONF base namespace; Junos puts its un-namespaced configuration inside it, so data in it counts as un-namespaced. */
    public static final String NETCONF_NS = "urn:ietf:params:xml:ns:netconf:base:1.0";
    /** YANG metadata namespace of the insert/key/value attributes (RFC 7950 §7.8.6). */
    public static final String YANG_NS = "urn:ietf:params:xml:ns:yang:1";

    private Dom() {}

    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    public static Element firstChild(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(localName(e))) {
                return e;
            }
        }
        return null;
    }

    public static boolean isLeaf(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                return false;
            }
        }
        return true;
    }

    public static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
    }

    /** Namespace for data matching: none and the NETCONF base namespace are the same thing (Junos). */
    public static String dataNamespace(Element e) {
        String ns = e.getNamespaceURI();
        return ns == null || ns.isEmpty() || NETCONF_NS.equals(ns) ? "" : ns;
    }

    public static boolean sameName(Element a, Element b) {
        return localName(a).equals(localName(b)) && dataNamespace(a).equals(dataNamespace(b));
    }

    public static String text(Element e) {
        return e.getTextContent() == null ? "" : e.getTextContent().trim();
    }

    /**
     * The value of a leaf for comparison: a {@code prefix:name} value whose prefix is declared in scope is
     * compared by namespace, so {@code oc-acl:ACL_IPV4} equals {@code x:ACL_IPV4} under the same namespace.
     */
    public static String comparableValue(Element leaf) {
        String t = text(leaf);
        int colon = t.indexOf(':');
        if (colon > 0 && t.indexOf(' ') < 0 && t.indexOf('/') < 0) {
            String ns = leaf.lookupNamespaceURI(t.substring(0, colon));
            if (ns != null) {
                return "{" + ns + "}" + t.substring(colon + 1);
            }
        }
        return t;
    }

    public static boolean sameValue(Element a, Element b) {
        return Objects.equals(comparableValue(a), comparableValue(b));
    }

    /** Describes an element for error-path: /a/b[key='v']. */
    public static String path(Element e, ListKeys keys) {
        StringBuilder sb = new StringBuilder();
        for (Node n = e; n instanceof Element el && !isDatastoreRoot(el); n = n.getParentNode()) {
            StringBuilder step = new StringBuilder("/").append(localName(el));
            for (String k : keys.keysOf(el)) {
                Element kl = firstChild(el, k);
                if (kl != null) {
                    step.append("[").append(k).append("='").append(text(kl)).append("']");
                }
            }
            sb.insert(0, step);
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    /** The document element, or a NETCONF {@code <config>}/{@code <data>}/{@code <filter>} wrapper: paths start below it. */
    static boolean isDatastoreRoot(Element e) {
        if (e.getParentNode() == null || e.getParentNode().getNodeType() == Node.DOCUMENT_NODE) {
            return true;
        }
        String ln = localName(e);
        return NETCONF_NS.equals(e.getNamespaceURI())
                && (ln.equals("config") || ln.equals("data") || ln.equals("filter"));
    }
}
