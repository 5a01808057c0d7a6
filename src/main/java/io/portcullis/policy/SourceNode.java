package io.portcullis.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed input document (JSON, YAML or XML) that remembers the line of every node, so problems
 * found later (YANG validation, semantic checks, inventory rules) can point at the line.
 *
 * <p>OBJECT nodes keep their fields in order and may repeat a name (XML siblings); ARRAY nodes hold
 * items; SCALAR nodes hold text ({@code null} for JSON null). {@code number}/{@code bool} record the
 * JSON/YAML token type so the RFC 7951 encoding can be checked and reproduced.
 */
public record SourceNode(
        Kind kind, int line, String text, boolean number, boolean bool, List<Field> fields, List<SourceNode> items) {

    public enum Kind {
        OBJECT,
        ARRAY,
        SCALAR
    }

    /** One member of an object; {@code namespace} is the XML namespace (null for JSON/YAML). */
    public record Field(String name, String namespace, int line, SourceNode value) {}

    public static SourceNode object(int line, List<Field> fields) {
        return new SourceNode(Kind.OBJECT, line, null, false, false, fields, List.of());
    }

    public static SourceNode array(int line, List<SourceNode> items) {
        return new SourceNode(Kind.ARRAY, line, null, false, false, List.of(), items);
    }

    public static SourceNode scalar(int line, String text, boolean number, boolean bool) {
        return new SourceNode(Kind.SCALAR, line, text, number, bool, List.of(), List.of());
    }

    public boolean isObject() {
        return kind == Kind.OBJECT;
    }

    public boolean isArray() {
        return kind == Kind.ARRAY;
    }

    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    /** All fields called {@code name} (XML may repeat an element; JSON has at most one). */
    public List<Field> all(String name) {
        List<Field> out = new ArrayList<>();
        for (Field f : fields) {
            if (f.name().equals(name)) {
                out.add(f);
            }
        }
        return out;
    }

    public Field field(String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** A short description of the node's shape for messages ("a list", "a mapping", "'abc'"). */
    public String describe() {
        return switch (kind) {
            case OBJECT -> "a mapping";
            case ARRAY -> "a list";
            case SCALAR -> text == null ? "null" : "'" + text + "'";
        };
    }
}
