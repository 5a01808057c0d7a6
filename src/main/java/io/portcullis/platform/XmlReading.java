package io.portcullis.platform;

import io.portcullis.netconf.xml.SecureXml;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Secure, namespace-tolerant JAXB reading of a managed subtree out of a NETCONF payload or reply.
 *
 * <p>Why: devices disagree about namespaces (Junos sends its tree with no namespace, with the NETCONF
 * default namespace inherited, or with a Junos URI; RFC-compliant mode prefixes NETCONF elements with
 * {@code nc:}), and replies arrive wrapped in {@code <config>}, {@code <data>} or
 * {@code <rpc-reply><data>}. Readers declare the local names of the top-level elements they own and
 * a namespace mapping; JAXB classes then see one stable namespace whatever the device used.
 *
 * <p>Security: the JDK's own StAX parser (never a classpath-dependent one) with DTDs and external
 * entities off; a DOCTYPE is refused outright (NETCONF never carries one); input size and element
 * depth are capped, so a hostile or broken reply fails with a {@link ReadException}, not a hang or OOM.
 */
public final class XmlReading {
    /** Largest reply accepted, in characters (a full router config is a few MB; this leaves room). */
    public static final int MAX_CHARS = 64 * 1024 * 1024;
    /** Deepest element nesting accepted (real configs nest well under 30). */
    public static final int MAX_DEPTH = 128;
    /** Envelope elements that may wrap the configuration, matched by local name in any namespace. */
    public static final Set<String> ENVELOPES = Set.of("rpc-reply", "data", "config");

    /** Maps every namespace to "no namespace": for JAXB classes declared without a namespace. */
    public static final UnaryOperator<String> NO_NAMESPACE = ns -> "";

    private XmlReading() {}

    /** Maps every namespace to {@code target} (JAXB classes that declare exactly one namespace). */
    public static UnaryOperator<String> allTo(String target) {
        return ns -> target;
    }

    /** Maps listed namespaces as given and every other one to {@code fallback}. */
    public static UnaryOperator<String> mapping(Map<String, String> known, String fallback) {
        Map<String, String> copy = Map.copyOf(known);
        return ns -> copy.getOrDefault(ns == null ? "" : ns, fallback);
    }

    private static final XMLInputFactory FACTORY = secureFactory();

    /**
     * The project's one hardened StAX set-up ({@link SecureXml#inputFactory()}: the JDK's parser, DTDs and external
     * entities off, explicit limits), with adjacent text coalesced because JAXB reads leaf values as one string.
     */
    public static XMLInputFactory secureFactory() {
        XMLInputFactory f = SecureXml.inputFactory();
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /**
     * Finds the top-level configuration elements named in {@code roots} (by local name, any
     * namespace) inside whatever envelope wraps them, and unmarshals each into its JAXB class with
     * namespaces rewritten by {@code namespaces}. Other top-level elements are skipped unread.
     *
     * @param what       how to name the input in messages, e.g. "junos configuration from device bng-1"
     * @param context    a JAXBContext that knows the root classes (create once, it is thread-safe)
     * @param roots      local name of a top-level element → its JAXB class
     * @return the unmarshalled roots, in document order (a root may occur several times)
     * @throws ReadException one sentence: what is wrong, where (line/column), what to check
     */
    public static Roots read(
            String xml,
            String what,
            JAXBContext context,
            Map<String, Class<?>> roots,
            UnaryOperator<String> namespaces) {
        if (xml == null || xml.isBlank()) {
            throw new ReadException(
                    "cannot read " + what + ": the XML is empty; expected a <config> or <data> element");
        }
        if (xml.length() > MAX_CHARS) {
            throw new ReadException(
                    "cannot read " + what + ": the XML is " + xml.length() + " characters, over the limit of "
                            + MAX_CHARS + "; narrow the get-config filter to the managed subtree");
        }
        List<Map.Entry<String, Object>> found = new ArrayList<>();
        SafeReader reader = null;
        try {
            reader = new SafeReader(FACTORY.createXMLStreamReader(new StringReader(xml)), namespaces, MAX_DEPTH);
            Unmarshaller unmarshaller = context.createUnmarshaller();
            int envelopeDepth = 0;
            int event = reader.getEventType();
            while (true) {
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String local = reader.getLocalName();
                    Class<?> type = roots.get(local);
                    if (type != null) {
                        reader.mapping(true);
                        Object value = unmarshaller.unmarshal(reader, type).getValue();
                        reader.mapping(false);
                        found.add(Map.entry(local, value));
                        // JAXB leaves the reader on the event right after the root's end: look at it before moving on
                        event = reader.getEventType();
                        continue;
                    } else if (ENVELOPES.contains(local) && reader.depth() == envelopeDepth + 1) {
                        envelopeDepth++;
                    } else if (local.equals("rpc-error")) {
                        throw new ReadException("cannot read " + what + ": the device answered with an rpc-error: "
                                + errorMessage(reader) + "; fix the request or the device state and retry");
                    } else {
                        skipElement(reader);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && reader.depth() < envelopeDepth) {
                    envelopeDepth = reader.depth();
                }
                if (!reader.hasNext()) {
                    break;
                }
                event = reader.next();
            }
        } catch (XMLStreamException e) {
            throw new ReadException("cannot read " + what + ": " + describe(e), e);
        } catch (JAXBException e) {
            Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
            if (cause instanceof XMLStreamException xse) {
                throw new ReadException("cannot read " + what + ": " + describe(xse), e);
            }
            throw new ReadException(
                    "cannot read " + what + ": the XML does not fit the expected tree ("
                            + (cause != null ? cause.getMessage() : e.getMessage()) + ")",
                    e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release beyond the string reader
                }
            }
        }
        return new Roots(found);
    }

    private static void skipElement(XMLStreamReader reader) throws XMLStreamException {
        int level = 1;
        while (level > 0 && reader.hasNext()) {
            int e = reader.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                level++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                level--;
            }
        }
    }

    private static String errorMessage(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder message = new StringBuilder();
        int level = 1;
        String current = null;
        while (level > 0 && reader.hasNext()) {
            int e = reader.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                level++;
                current = reader.getLocalName();
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                level--;
                current = null;
            } else if (e == XMLStreamConstants.CHARACTERS
                    && ("error-message".equals(current) || "error-tag".equals(current))) {
                String t = reader.getText().trim();
                if (!t.isEmpty()) {
                    message.append(message.length() == 0 ? "" : " / ").append(t);
                }
            }
        }
        return message.length() == 0 ? "(no error-message)" : message.toString();
    }

    private static String describe(XMLStreamException e) {
        Location l = e.getLocation();
        String where = l == null || l.getLineNumber() < 0
                ? ""
                : " at line " + l.getLineNumber() + ", column " + l.getColumnNumber();
        String msg = e.getMessage() == null ? "" : e.getMessage();
        // the JDK prefixes "ParseError at [row,col]:[..]\nMessage: "; keep only the message
        int m = msg.indexOf("Message: ");
        if (m >= 0) {
            msg = msg.substring(m + "Message: ".length());
        }
        int unbound = msg.indexOf("PrefixUnbound?");
        if (unbound >= 0) {
            // the JDK reports "...#ElementPrefixUnbound?p&p:name"
            String[] parts = msg.substring(unbound + "PrefixUnbound?".length()).split("&", 2);
            msg = "namespace prefix '" + parts[0] + "' is used" + (parts.length > 1 ? " in " + parts[1] : "")
                    + " but never declared";
        }
        return (e instanceof Refused ? "" : "the XML is not well-formed" + where + ": ") + msg.trim();
    }

    /** What {@link #read} found, in document order. */
    public record Roots(List<Map.Entry<String, Object>> entries) {
        public Roots {
            entries = List.copyOf(entries);
        }

        public <T> List<T> all(String localName, Class<T> type) {
            List<T> out = new ArrayList<>();
            for (Map.Entry<String, Object> e : entries) {
                if (e.getKey().equals(localName)) {
                    out.add(type.cast(e.getValue()));
                }
            }
            return out;
        }

        public boolean isEmpty() {
            return entries.isEmpty();
        }

        public Map<String, Integer> counts() {
            Map<String, Integer> m = new LinkedHashMap<>();
            entries.forEach(e -> m.merge(e.getKey(), 1, Integer::sum));
            return m;
        }
    }

    /** A deliberate refusal (DOCTYPE, depth), reported without the "not well-formed" prefix. */
    static final class Refused extends XMLStreamException {
        Refused(String message, Location location) {
            super(message, location);
        }
    }

    /**
     * Rejects DTDs, caps depth, and (while {@link #mapping} is on) reports element and attribute
     * namespaces through the mapping, so JAXB sees the namespace its classes declare.
     */
    static final class SafeReader extends javax.xml.stream.util.StreamReaderDelegate {
        private final UnaryOperator<String> namespaces;
        private final int maxDepth;
        private int depth;
        private boolean mapping;

        SafeReader(XMLStreamReader reader, UnaryOperator<String> namespaces, int maxDepth) throws XMLStreamException {
            super(reader);
            this.namespaces = namespaces;
            this.maxDepth = maxDepth;
            check(reader.getEventType());
        }

        void mapping(boolean on) {
            mapping = on;
        }

        int depth() {
            return depth;
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            check(event);
            return event;
        }

        private void check(int event) throws XMLStreamException {
            if (event == XMLStreamConstants.DTD) {
                throw new Refused(
                        "the XML contains a DOCTYPE declaration, which NETCONF never sends; refusing it",
                        getLocation());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if (++depth > maxDepth) {
                    throw new Refused(
                            "the XML nests deeper than " + maxDepth + " elements at line "
                                    + getLocation().getLineNumber() + "; refusing it",
                            getLocation());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new Refused(
                        "the XML references an undeclared entity '" + super.getLocalName() + "'; refusing it",
                        getLocation());
            }
        }

        @Override
        public int nextTag() throws XMLStreamException {
            // the delegate's nextTag would bypass next() and so the checks
            int event = next();
            while ((event == XMLStreamConstants.CHARACTERS && isWhiteSpace())
                    || event == XMLStreamConstants.SPACE
                    || event == XMLStreamConstants.COMMENT
                    || event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
                event = next();
            }
            if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                throw new XMLStreamException("expected an element", getLocation());
            }
            return event;
        }

        @Override
        public String getNamespaceURI() {
            String ns = super.getNamespaceURI();
            return mapping ? namespaces.apply(ns == null ? "" : ns) : ns;
        }

        @Override
        public QName getName() {
            QName n = super.getName();
            return mapping ? new QName(getNamespaceURI(), n.getLocalPart()) : n;
        }

        @Override
        public String getPrefix() {
            return mapping ? "" : super.getPrefix();
        }

        @Override
        public String getAttributeNamespace(int index) {
            String ns = super.getAttributeNamespace(index);
            // unprefixed attributes have no namespace in XML; keep them so
            if (!mapping || ns == null || ns.isEmpty()) {
                return ns;
            }
            return namespaces.apply(ns);
        }

        @Override
        public QName getAttributeName(int index) {
            QName n = super.getAttributeName(index);
            return mapping ? new QName(getAttributeNamespace(index), n.getLocalPart()) : n;
        }

        @Override
        public String getAttributePrefix(int index) {
            return mapping ? "" : super.getAttributePrefix(index);
        }
    }
}
