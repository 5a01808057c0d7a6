package io.portcullis.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.portcullis.netconf.xml.SecureXml;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads JSON, YAML and XML into {@link SourceNode}s with line numbers. Duplicate keys are an error
 * (a YAML host or service defined twice must not silently win); XML parsing refuses DTDs and
 * external entities.
 */
public final class SourceParser {
    private static final com.fasterxml.jackson.core.StreamReadConstraints BOUNDS =
            com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxNestingDepth(InputBounds.MAX_DEPTH)
                    .maxStringLength(InputBounds.MAX_CHARS)
                    .build();
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(BOUNDS)
            .build();
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(BOUNDS)
            .build();

    /** A syntax error with the line it was found on (0 when unknown) and a one-sentence message. */
    public static final class SyntaxError extends Exception {
        private final int line;

        public SyntaxError(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private SourceParser() {}

    public static SourceNode json(String text) throws SyntaxError {
        return jackson(JSON, text, "JSON");
    }

    public static SourceNode yaml(String text) throws SyntaxError {
        return jackson(YAML, text, "YAML");
    }

    private static SourceNode jackson(JsonFactory factory, String text, String format) throws SyntaxError {
        InputBounds.check(text);
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null; // empty document
            }
            SourceNode node = read(p, t);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw new SyntaxError(
                        line(p.currentTokenLocation()),
                        "unexpected content after the end of the " + format + " document");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new SyntaxError(
                    line(e.getLocation()), "invalid " + format + ": " + cleanJacksonMessage(e) + "; fix the " + format);
        } catch (IOException e) {
            throw new SyntaxError(0, format + " could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            // SnakeYAML reports some structural problems as unchecked exceptions
            throw new SyntaxError(0, "invalid " + format + ": " + firstLine(e.getMessage()) + "; fix the " + format);
        }
    }

    private static SourceNode read(JsonParser p, JsonToken t) throws IOException {
        int line = line(p.currentTokenLocation());
        switch (t) {
            case START_OBJECT -> {
                List<SourceNode.Field> fields = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int keyLine = line(p.currentTokenLocation());
                    SourceNode value = read(p, p.nextToken());
                    fields.add(new SourceNode.Field(name, null, keyLine, value));
                }
                return SourceNode.object(line, fields);
            }
            case START_ARRAY -> {
                List<SourceNode> items = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(read(p, n));
                }
                return SourceNode.array(line, items);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return SourceNode.scalar(line, p.getText(), true, false);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return SourceNode.scalar(line, p.getText(), false, true);
            }
            case VALUE_NULL -> {
                return SourceNode.scalar(line, null, false, false);
            }
            default -> {
                return SourceNode.scalar(line, p.getText(), false, false);
            }
        }
    }

    public static SourceNode xml(String text) throws SyntaxError {
        InputBounds.check(text);
        XMLInputFactory f = secureXmlFactory();
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(new StringReader(text));
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw new SyntaxError(
                            r.getLocation().getLineNumber(),
                            "XML with a DOCTYPE is refused (no DTDs or entities, for safety); remove the DOCTYPE");
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    SourceNode root = element(r, 1);
                    String name = r.getLocalName();
                    SourceNode.Field top = new SourceNode.Field(name, r.getNamespaceURI(), root.line(), root);
                    while (r.hasNext()) {
                        int e = r.next();
                        if (e == XMLStreamConstants.START_ELEMENT) {
                            throw new SyntaxError(
                                    r.getLocation().getLineNumber(),
                                    "more than one top-level XML element; a policy document has one <policy> root");
                        }
                    }
                    return SourceNode.object(root.line(), List.of(top));
                }
            }
            return null;
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new SyntaxError(line, "invalid XML: " + cleanXmlMessage(e.getMessage()) + "; fix the XML");
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
    }

    /** Reads the element the reader is positioned on; leaves the reader on its END_ELEMENT. */
    private static SourceNode element(XMLStreamReader r, int depth) throws XMLStreamException, SyntaxError {
        int line = r.getLocation().getLineNumber();
        if (depth > InputBounds.MAX_DEPTH) {
            throw InputBounds.tooDeep(line); // recursion below would overflow the stack on hostile input
        }
        List<SourceNode.Field> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = r.getLocalName();
                    String ns = r.getNamespaceURI();
                    int childLine = r.getLocation().getLineNumber();
                    children.add(new SourceNode.Field(name, ns, childLine, element(r, depth + 1)));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text.append(r.getText());
                case XMLStreamConstants.ENTITY_REFERENCE ->
                    throw new SyntaxError(
                            r.getLocation().getLineNumber(),
                            "XML entity references are refused (for safety); write the text itself");
                case XMLStreamConstants.END_ELEMENT -> {
                    return children.isEmpty()
                            ? SourceNode.scalar(line, text.toString().trim(), false, false)
                            : SourceNode.object(line, children);
                }
                default -> {
                    // comments and processing instructions carry no data
                }
            }
        }
    }

    /** The project's one hardened StAX set-up ({@link SecureXml#inputFactory()}): no DTDs, no XXE, explicit limits. */
    public static XMLInputFactory secureXmlFactory() {
        return SecureXml.inputFactory();
    }

    private static int line(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 0 ? 0 : loc.getLineNr();
    }

    /** Jackson messages carry a source excerpt and location after the first line; keep the sentence. */
    private static String cleanJacksonMessage(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        m = snakeYamlSentence(m);
        if (m.startsWith("Duplicate field '")) {
            String name = m.substring("Duplicate field '".length(), m.indexOf('\'', "Duplicate field '".length()));
            return "'" + name + "' is defined twice; names must be unique";
        }
        return m;
    }

    /**
     * SnakeYAML messages are "context\n mark\n snippet\n problem\n mark…": keep the unindented
     * sentences (context and problem), drop the marks and the source excerpts.
     */
    private static String snakeYamlSentence(String m) {
        List<String> kept = new ArrayList<>();
        for (String l : m.split("\n")) {
            if (!l.isBlank() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("at [Source")) {
                kept.add(l.trim());
            }
        }
        return kept.isEmpty() ? firstLine(m) : String.join(": ", kept);
    }

    private static String cleanXmlMessage(String m) {
        if (m == null) {
            return "malformed document";
        }
        int idx = m.indexOf("Message: ");
        String s = firstLine(idx >= 0 ? m.substring(idx + "Message: ".length()) : m);
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "malformed document";
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }
}
