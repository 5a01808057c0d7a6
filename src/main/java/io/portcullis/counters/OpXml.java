package io.portcullis.counters;

import io.portcullis.netconf.xml.SecureXml;
import io.portcullis.netconf.xml.XmlParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * DOM helpers for operational replies. Counter readers match elements by namespace and local name (any
 * prefix); a value that is not a counter raises {@link Malformed}, which {@link #guard} turns into
 * "counters unavailable (reason)" instead of a crash.
 */
public final class OpXml {
    private OpXml() {}

    /** Operational data that is present but not what the model says (a counter that is not a number, …). */
    public static final class Malformed extends RuntimeException {
        public Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** A reader's work: parse a reply and read counters; may throw {@link Malformed}. */
    @FunctionalInterface
    public interface Work {
        CounterRead read(Element root);
    }

    /** Parses the reply (secure XML: no DTDs, bounded size) and runs {@code work}; every failure is a reason, not an exception. */
    public static CounterRead guard(String reply, Work work) {
        if (reply == null || reply.isBlank()) {
            return CounterRead.unavailable("the router sent an empty reply");
        }
        Element root;
        try {
            root = SecureXml.parse(reply.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        } catch (XmlParseException e) {
            return CounterRead.unavailable("the reply is not well-formed XML");
        }
        try {
            return work.read(root);
        } catch (Malformed e) {
            return CounterRead.unavailable(e.getMessage());
        }
    }

    public static List<Element> children(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e
                    && localName.equals(e.getLocalName())
                    && (ns == null || ns.equals(e.getNamespaceURI()))) {
                out.add(e);
            }
        }
        return out;
    }

    public static Element child(Element parent, String ns, String localName) {
        List<Element> c = children(parent, ns, localName);
        return c.isEmpty() ? null : c.get(0);
    }

    /** Follows a path of local names in one namespace; null when any step is missing. */
    public static Element path(Element from, String ns, String... steps) {
        Element e = from;
        for (String s : steps) {
            e = child(e, ns, s);
            if (e == null) {
                return null;
            }
        }
        return e;
    }

    /** Every descendant-or-self element with this namespace and local name (document order). */
    public static List<Element> descendants(Element from, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        collect(from, ns, localName, out);
        return out;
    }

    private static void collect(Element e, String ns, String localName, List<Element> out) {
        if (localName.equals(e.getLocalName()) && (ns == null || ns.equals(e.getNamespaceURI()))) {
            out.add(e);
            return;
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                collect(c, ns, localName, out);
            }
        }
    }

    public static String text(Element parent, String ns, String localName) {
        Element c = child(parent, ns, localName);
        return c == null ? null : c.getTextContent().strip();
    }

    /**
     * A counter leaf (zero-based-counter64 / uint64 / uint32): null when absent, {@link Malformed} when present
     * and not a non-negative number.
     */
    public static Long counter(Element parent, String ns, String localName, String where) {
        String t = text(parent, ns, localName);
        if (t == null) {
            return null;
        }
        try {
            long v = Long.parseUnsignedLong(t);
            if (v < 0) {
                throw new NumberFormatException(); // beyond 2^63: more packets than any router will ever count
            }
            return v;
        } catch (NumberFormatException e) {
            throw new Malformed(localName + " of " + where + " is not a counter value (" + shorten(t) + ")");
        }
    }

    /** An integer key (sequence, entry-id); {@link Malformed} when it is not one. */
    public static long key(Element parent, String ns, String localName, String where) {
        String t = text(parent, ns, localName);
        if (t == null) {
            throw new Malformed(where + " has no " + localName);
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new Malformed(localName + " of " + where + " is not a number (" + shorten(t) + ")");
        }
    }

    private static String shorten(String s) {
        return s.length() > 24 ? s.substring(0, 24) + "…" : s;
    }
}
