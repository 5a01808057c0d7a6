package io.portcullis.netconf.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Hardened JDK XML factories (OWASP settings, see shared docs B.8): DOCTYPE disallowed, no external entities or DTDs,
 * XInclude off, entity references not expanded, explicit {@code jdk.xml} limits (depth, attributes, names, entity
 * sizes) and a document size cap. Always the JDK's built-in implementations, whatever else is on the classpath.
 */
public final class SecureXml {
    private static final String JDK = "jdk.xml.";

    private SecureXml() {}

    /** A namespace-aware, hardened DOM builder with {@link XmlLimits#DEFAULT}. Not thread-safe; make one per use. */
    public static DocumentBuilder documentBuilder() {
        return documentBuilder(XmlLimits.DEFAULT);
    }

    public static DocumentBuilder documentBuilder(XmlLimits limits) {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setValidating(false);
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            applyLimits((name, value) -> f.setAttribute(name, value), limits);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("JDK XML parser does not support the required hardening", e);
        }
    }

    /** A hardened StAX factory: DTDs unsupported, external entities off, explicit limits. */
    public static XMLInputFactory inputFactory(XmlLimits limits) {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external entity refused: " + systemId);
        });
        applyLimits(f::setProperty, limits);
        return f;
    }

    /** A hardened StAX reader over a stream (wrap unbounded streams with a size cap yourself). */
    public static XMLStreamReader streamReader(InputStream in, XmlLimits limits) throws XmlParseException {
        try {
            return new GuardedStreamReader(inputFactory(limits).createXMLStreamReader(in), limits.maxDepth());
        } catch (XMLStreamException e) {
            throw new XmlParseException("cannot read XML: " + e.getMessage(), e);
        }
    }

    public static XMLInputFactory inputFactory() {
        return inputFactory(XmlLimits.DEFAULT);
    }

    /**
     * A hardened StAX reader over a byte array, refusing oversized input before parsing; it also fails on any DOCTYPE
     * or entity reference event and on nesting beyond the depth cap.
     */
    public static XMLStreamReader streamReader(byte[] xml, XmlLimits limits) throws XmlParseException {
        checkSize(xml.length, limits);
        try {
            return new GuardedStreamReader(
                    inputFactory(limits).createXMLStreamReader(new ByteArrayInputStream(xml)), limits.maxDepth());
        } catch (XMLStreamException e) {
            throw new XmlParseException("cannot read XML: " + e.getMessage(), e);
        }
    }

    /** Parses a whole document (leading whitespace, e.g. left over from framing, is skipped). */
    public static Document parse(byte[] xml) throws XmlParseException {
        return parse(xml, XmlLimits.DEFAULT);
    }

    public static Document parse(byte[] xml, XmlLimits limits) throws XmlParseException {
        checkSize(xml.length, limits);
        int start = 0;
        while (start < xml.length && isSpace(xml[start])) {
            start++;
        }
        return parse(new ByteArrayInputStream(xml, start, xml.length - start), limits);
    }

    /** Parses from a stream; the stream is not size-checked here, so wrap it if it is unbounded. */
    public static Document parse(InputStream in, XmlLimits limits) throws XmlParseException {
        try {
            return cachedBuilder(limits).parse(in);
        } catch (SAXException e) {
            throw new XmlParseException("malformed or refused XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new XmlParseException("cannot read XML: " + e.getMessage(), e);
        }
    }

    public static Document parse(String xml) throws XmlParseException {
        return parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A new empty, namespace-aware document to build messages in. */
    public static Document newDocument() {
        return documentBuilder().newDocument();
    }

    /** Serializes a node without XML declaration or indentation. */
    public static String toXml(Node node) {
        try {
            TransformerFactory tf = TransformerFactory.newDefaultInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize XML", e);
        }
    }

    /** Hardened builders are costly to create (factory setup); reuse one per thread and limits. */
    private static final ThreadLocal<CachedBuilder> CACHE = new ThreadLocal<>();

    private record CachedBuilder(XmlLimits limits, DocumentBuilder builder) {}

    private static DocumentBuilder cachedBuilder(XmlLimits limits) {
        CachedBuilder c = CACHE.get();
        if (c == null || !c.limits().equals(limits)) {
            c = new CachedBuilder(limits, documentBuilder(limits));
            CACHE.set(c);
        } else {
            c.builder().reset();
            c.builder().setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            c.builder().setErrorHandler(null);
        }
        return c.builder();
    }

    private static void checkSize(long size, XmlLimits limits) throws XmlParseException {
        if (size > limits.maxBytes()) {
            throw new XmlParseException(
                    "XML document of " + size + " bytes exceeds the " + limits.maxBytes() + "-byte cap");
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private interface Setter {
        void set(String name, Object value);
    }

    private static void applyLimits(Setter s, XmlLimits limits) {
        s.set(JDK + "maxElementDepth", String.valueOf(limits.maxDepth()));
        s.set(JDK + "elementAttributeLimit", String.valueOf(limits.maxAttributes()));
        s.set(JDK + "maxXMLNameLimit", String.valueOf(limits.maxNameLength()));
        s.set(JDK + "entityExpansionLimit", "100");
        s.set(JDK + "totalEntitySizeLimit", "10000");
        s.set(JDK + "maxGeneralEntitySizeLimit", "10000");
        s.set(JDK + "maxParameterEntitySizeLimit", "1000");
        s.set(JDK + "entityReplacementLimit", "10000");
    }
}
