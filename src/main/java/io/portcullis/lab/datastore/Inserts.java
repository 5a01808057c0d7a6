package io.portcullis.lab.datastore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Places list and leaf-list entries for ordered-by-user lists: {@code yang:insert} first | last | before |
 * after with {@code yang:key} (lists, e.g. {@code [name='x']}) or {@code yang:value} (leaf-lists).
 * An insert that refers to the entry itself is refused: it is how libnetconf once lost a rule.
 */
final class Inserts {
    private static final Pattern PREDICATE =
            Pattern.compile("\\[\\s*(?:[\\w.-]+:)?([\\w.-]+)\\s*=\\s*(?:'([^']*)'|\"([^\"]*)\")\\s*]");

    private Inserts() {}

    static boolean hasInsert(Element edit) {
        return edit.hasAttributeNS(Dom.YANG_NS, "insert");
    }

    /**
     * Puts {@code node} (new, or already a child of {@code parent} when moved) at the place the edit asks for;
     * default is after the last sibling of the same name.
     */
    static void place(
            Element parent, Element node, Element edit, List<String> keys, boolean leafList, ListKeys listKeys)
            throws DataException {
        String insert = edit.hasAttributeNS(Dom.YANG_NS, "insert")
                ? edit.getAttributeNS(Dom.YANG_NS, "insert").trim()
                : "last";
        Element reference = null;
        if (insert.equals("before") || insert.equals("after")) {
            reference = findReference(parent, node, edit, keys, leafList, listKeys);
        } else if (!insert.equals("first") && !insert.equals("last")) {
            throw new DataException(
                    badInsert(edit, listKeys, "insert value '" + insert + "' is not first, last, before or after"));
        }
        if (node.getParentNode() == parent) {
            parent.removeChild(node);
        }
        switch (insert) {
            case "first" -> {
                Element first = firstSameName(parent, node);
                parent.insertBefore(node, first);
            }
            case "before" -> parent.insertBefore(node, reference);
            case "after" -> parent.insertBefore(node, reference.getNextSibling());
            default -> {
                Element last = lastSameName(parent, node);
                parent.insertBefore(node, last == null ? null : last.getNextSibling());
            }
        }
    }

    private static Element findReference(
            Element parent, Element node, Element edit, List<String> keys, boolean leafList, ListKeys listKeys)
            throws DataException {
        Element ref;
        if (leafList) {
            if (!edit.hasAttributeNS(Dom.YANG_NS, "value")) {
                throw new DataException(missingAttr(edit, listKeys, "value"));
            }
            String value = edit.getAttributeNS(Dom.YANG_NS, "value").trim();
            if (value.equals(Dom.text(edit))) {
                throw new DataException(badInsert(edit, listKeys, "insert refers to the entry itself"));
            }
            ref = sameName(parent, node).stream()
                    .filter(c -> Dom.text(c).equals(value))
                    .findFirst()
                    .orElse(null);
        } else {
            if (!edit.hasAttributeNS(Dom.YANG_NS, "key")) {
                throw new DataException(missingAttr(edit, listKeys, "key"));
            }
            Map<String, String> wanted = parseKey(edit.getAttributeNS(Dom.YANG_NS, "key"));
            if (!wanted.keySet().containsAll(keys) || wanted.size() != keys.size()) {
                throw new DataException(badInsert(
                        edit,
                        listKeys,
                        "insert key '" + edit.getAttributeNS(Dom.YANG_NS, "key") + "' does not name the keys " + keys));
            }
            if (matches(edit, wanted)) {
                throw new DataException(badInsert(edit, listKeys, "insert refers to the entry itself"));
            }
            ref = sameName(parent, node).stream()
                    .filter(c -> c != node && matches(c, wanted))
                    .findFirst()
                    .orElse(null);
        }
        if (ref == null || ref == node) {
            DataError e = badInsert(edit, listKeys, "the entry named by the insert attribute does not exist");
            throw new DataException(new DataError(
                    e.type(), e.tag(), e.severity(), "missing-instance", e.path(), e.message(), e.info()));
        }
        return ref;
    }

    static Map<String, String> parseKey(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = PREDICATE.matcher(text);
        while (m.find()) {
            out.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }

    private static boolean matches(Element entry, Map<String, String> wanted) {
        for (Map.Entry<String, String> w : wanted.entrySet()) {
            Element k = Dom.firstChild(entry, w.getKey());
            if (k == null || !Dom.text(k).equals(w.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static List<Element> sameName(Element parent, Element like) {
        return Dom.children(parent).stream().filter(c -> Dom.sameName(c, like)).toList();
    }

    private static Element firstSameName(Element parent, Element like) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && Dom.sameName(e, like)) {
                return e;
            }
        }
        return null;
    }

    private static Element lastSameName(Element parent, Element like) {
        for (Node n = parent.getLastChild(); n != null; n = n.getPreviousSibling()) {
            if (n instanceof Element e && Dom.sameName(e, like)) {
                return e;
            }
        }
        return null;
    }

    private static DataError badInsert(Element edit, ListKeys keys, String message) {
        return new DataError(
                "protocol",
                "bad-attribute",
                "error",
                null,
                Dom.path(edit, keys),
                message,
                Map.of("bad-attribute", "insert", "bad-element", Dom.localName(edit)));
    }

    private static DataError missingAttr(Element edit, ListKeys keys, String attr) {
        return new DataError(
                "protocol",
                "missing-attribute",
                "error",
                null,
                Dom.path(edit, keys),
                "insert before/after needs the yang:" + attr + " attribute",
                Map.of("bad-attribute", attr, "bad-element", Dom.localName(edit)));
    }
}
