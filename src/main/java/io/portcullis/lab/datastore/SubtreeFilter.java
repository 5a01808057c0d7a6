package io.portcullis.lab.datastore;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * RFC 6241 §6 subtree filtering: containment nodes (with element children), selection nodes (empty
 * leaves) and content-match nodes (leaves with text). A filter node without a namespace matches every
 * namespace; with one, only that namespace (un-namespaced Junos data and the NETCONF namespace are one).
 */
public final class SubtreeFilter {
    private SubtreeFilter() {}

    /**
     * Copies of the data selected by the children of {@code filter} (the {@code <filter>} element), into
     * {@code out}. A null filter selects everything; an empty filter selects nothing.
     */
    public static List<Element> select(SimDatastore data, Element filter, Document out) {
        List<Element> result = new ArrayList<>();
        if (filter == null) {
            for (Element c : Dom.children(data.root())) {
                result.add((Element) out.importNode(c, true));
            }
            return result;
        }
        for (Element f : Dom.children(filter)) {
            for (Element d : Dom.children(data.root())) {
                Element selected = apply(f, d, out);
                if (selected != null) {
                    mergeInto(result, selected);
                }
            }
        }
        return result;
    }

    /** The part of {@code d} that filter node {@code f} selects, or null. */
    private static Element apply(Element f, Element d, Document out) {
        if (!nameMatches(f, d)) {
            return null;
        }
        if (Dom.isLeaf(f)) {
            String want = Dom.text(f);
            if (!want.isEmpty() && !(Dom.isLeaf(d) && Dom.text(d).equals(want))) {
                return null;
            }
            return (Element) out.importNode(d, true);
        }
        List<Element> fChildren = Dom.children(f);
        List<Element> contentMatches = new ArrayList<>();
        List<Element> others = new ArrayList<>();
        for (Element fc : fChildren) {
            (Dom.isLeaf(fc) && !Dom.text(fc).isEmpty() ? contentMatches : others).add(fc);
        }
        List<Element> dChildren = Dom.children(d);
        for (Element cm : contentMatches) {
            boolean hit = dChildren.stream()
                    .anyMatch(dc -> nameMatches(cm, dc)
                            && Dom.isLeaf(dc)
                            && Dom.text(dc).equals(Dom.text(cm)));
            if (!hit) {
                return null;
            }
        }
        if (others.isEmpty()) {
            return (Element) out.importNode(d, true);
        }
        Element copy = (Element) out.importNode(d, false);
        boolean selectedSomething = false;
        for (Element dc : dChildren) {
            boolean isContentMatch = contentMatches.stream().anyMatch(cm -> nameMatches(cm, dc));
            if (isContentMatch) {
                copy.appendChild(out.importNode(dc, true));
                continue;
            }
            for (Element o : others) {
                Element part = apply(o, dc, out);
                if (part != null) {
                    copy.appendChild(part);
                    selectedSomething = true;
                    break;
                }
            }
        }
        return selectedSomething || !contentMatches.isEmpty() ? copy : null;
    }

    private static boolean nameMatches(Element filter, Element data) {
        if (!Dom.localName(filter).equals(Dom.localName(data))) {
            return false;
        }
        String ns = filter.getNamespaceURI();
        // No namespace, or the NETCONF one inherited from <filter> (Junos style): every namespace matches.
        if (ns == null || ns.isEmpty() || Dom.NETCONF_NS.equals(ns)) {
            return true;
        }
        return ns.equals(Dom.dataNamespace(data));
    }

    /** Several filter nodes may select parts of the same node (two acl-sets of one acl): merge them into one copy. */
    private static void mergeInto(List<Element> result, Element selected) {
        mergeInto(null, result, selected);
    }

    private static void mergeInto(Element parent, List<Element> siblings, Element selected) {
        for (Element r : siblings) {
            if (sameEntry(r, selected)) {
                if (!Dom.isLeaf(r)) {
                    List<Element> rChildren = Dom.children(r);
                    for (Element c : Dom.children(selected)) {
                        mergeInto(r, rChildren, c);
                    }
                }
                return;
            }
        }
        siblings.add(selected);
        if (parent != null) {
            parent.appendChild(selected);
        }
    }

    private static boolean sameEntry(Element a, Element b) {
        if (!Dom.sameName(a, b)) {
            return false;
        }
        if (Dom.isLeaf(a) || Dom.isLeaf(b)) {
            return Dom.isLeaf(a) && Dom.isLeaf(b) && Dom.text(a).equals(Dom.text(b));
        }
        List<String> keys = ListKeys.DEFAULT.keysOf(a);
        for (String k : keys) {
            Element ka = Dom.firstChild(a, k);
            Element kb = Dom.firstChild(b, k);
            if (ka == null || kb == null || !Dom.sameValue(ka, kb)) {
                return false;
            }
        }
        return true;
    }
}
