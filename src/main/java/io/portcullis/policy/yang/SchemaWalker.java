package io.portcullis.policy.yang;

import io.portcullis.policy.Diagnostic;
import io.portcullis.policy.SourceNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ElementCountConstraintAware;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.MandatoryAware;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;

/**
 * Walks a parsed document alongside the YANG schema and reports every problem at once, with the
 * line it sits on: unknown nodes, wrong shapes, missing mandatory nodes and list keys, duplicate
 * keys, too few elements, and leaf values the YANG type rejects (checked with yangtools' own type
 * codecs). yangtools' data codecs stop at the first problem and know no line numbers, so this
 * pass gives users the full list first; the codecs then parse the document for real.
 *
 * <p>Along the way it records the line of every YANG data path it saw, so later semantic checks
 * can point at lines too.
 */
final class SchemaWalker {
    private final String file;
    private final Module module;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, Integer> lines = new LinkedHashMap<>();

    SchemaWalker(String file, Module module) {
        this.file = file;
        this.module = module;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    Map<String, Integer> lines() {
        return lines;
    }

    /** JSON/YAML: the document is an object whose keys are module-qualified top-level nodes. */
    void walkJson(SourceNode root) {
        String expected = YangSchema.MODULE + ":policy";
        if (root == null) {
            error(0, null, "the policy document is empty; expected a top-level key '" + expected + "'");
            return;
        }
        if (!root.isObject()) {
            error(
                    root.line(),
                    "/",
                    "expected a mapping with the top-level key '" + expected + "' but found " + root.describe());
            return;
        }
        boolean found = false;
        for (SourceNode.Field f : root.fields()) {
            if (!f.name().equals(expected)) {
                error(
                        f.line(),
                        "/" + f.name(),
                        "unknown top-level node '" + f.name() + "'; expected '" + expected
                                + "' (RFC 7951 names top-level nodes module:name)");
                continue;
            }
            found = true;
            topLevel(f);
        }
        if (!found && root.fields().stream().allMatch(f -> f.name().equals(expected))) {
            error(root.line(), "/", "the policy document has no '" + expected + "'");
        }
    }

    /** XML: the root element must be {@code <policy xmlns="urn:portcullis:policy">}. */
    void walkXml(SourceNode root) {
        if (root == null || root.fields().isEmpty()) {
            error(0, null, "the policy document is empty; expected <policy xmlns=\"" + YangSchema.NAMESPACE + "\">");
            return;
        }
        SourceNode.Field top = root.fields().get(0);
        if (!top.name().equals("policy") || !YangSchema.NAMESPACE.equals(top.namespace())) {
            error(
                    top.line(),
                    "/" + top.name(),
                    "the root element is <" + top.name() + "> in namespace '"
                            + (top.namespace() == null ? "" : top.namespace()) + "'; expected <policy xmlns=\""
                            + YangSchema.NAMESPACE + "\">");
            return;
        }
        topLevel(top);
    }

    private void topLevel(SourceNode.Field f) {
        DataSchemaNode policy = module.dataChildByName(QName.create(module.getQNameModule(), "policy"));
        String path = "/" + YangSchema.MODULE + ":policy";
        lines.put(path, f.line());
        container((ContainerSchemaNode) policy, f.value(), path);
    }

    private void container(DataNodeContainer schema, SourceNode node, String path) {
        if (node.isScalar() && (node.text() == null || node.text().isEmpty())) {
            node = SourceNode.object(node.line(), List.of()); // <scope/> or "scope": {} spelled as empty
        }
        if (!node.isObject()) {
            error(node.line(), path, "expected a mapping of child nodes but found " + node.describe());
            return;
        }
        // group by name: XML repeats elements for lists and leaf-lists, JSON has one field each
        Map<String, List<SourceNode.Field>> byName = new LinkedHashMap<>();
        for (SourceNode.Field f : node.fields()) {
            String local = localName(f.name());
            if (local == null) {
                error(
                        f.line(),
                        path + "/" + f.name(),
                        "'" + f.name() + "' names another module; this document only uses " + YangSchema.MODULE);
                continue;
            }
            if (f.namespace() != null && !f.namespace().equals(YangSchema.NAMESPACE)) {
                error(
                        f.line(),
                        path + "/" + local,
                        "<" + local + "> is in namespace '" + f.namespace() + "'; expected " + YangSchema.NAMESPACE);
                continue;
            }
            byName.computeIfAbsent(local, k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<SourceNode.Field>> e : byName.entrySet()) {
            String name = e.getKey();
            List<SourceNode.Field> fields = e.getValue();
            DataSchemaNode child = schema.dataChildByName(QName.create(module.getQNameModule(), name));
            String childPath = path + "/" + name;
            if (child == null) {
                error(
                        fields.get(0).line(),
                        childPath,
                        "unknown node '" + name + "'; expected one of " + childNames(schema));
                continue;
            }
            lines.putIfAbsent(childPath, fields.get(0).line());
            if (child instanceof ListSchemaNode list) {
                list(list, fields, childPath);
            } else if (child instanceof LeafListSchemaNode leafList) {
                leafList(leafList, fields, childPath);
            } else {
                if (fields.size() > 1) {
                    error(
                            fields.get(1).line(),
                            childPath,
                            "'" + name + "' is given more than once; it takes a single value");
                }
                if (child instanceof ContainerSchemaNode c) {
                    container(c, fields.get(0).value(), childPath);
                } else if (child instanceof LeafSchemaNode leaf) {
                    leaf(leaf.getType(), fields.get(0).value(), childPath, name);
                }
            }
        }
        for (DataSchemaNode child : schema.getChildNodes()) {
            String name = child.getQName().getLocalName();
            if (byName.containsKey(name)) {
                continue;
            }
            if (child instanceof MandatoryAware m && m.isMandatory()) {
                error(node.line(), path + "/" + name, "missing mandatory '" + name + "'" + expectation(child));
            } else if (child instanceof ElementCountConstraintAware ec && minElements(ec) > 0) {
                error(
                        node.line(),
                        path + "/" + name,
                        "missing '" + name + "': at least " + minElements(ec) + " value(s) required"
                                + expectation(child));
            }
        }
    }

    private void list(ListSchemaNode list, List<SourceNode.Field> fields, String path) {
        List<SourceNode> entries = new ArrayList<>();
        for (SourceNode.Field f : fields) {
            if (f.value().isArray()) {
                entries.addAll(f.value().items());
            } else if (f.namespace() != null) {
                entries.add(f.value()); // XML: each element is one entry
            } else {
                error(
                        f.line(),
                        path,
                        "'" + f.name() + "' is a list; expected a list of entries but found "
                                + f.value().describe());
            }
        }
        List<QName> keys = list.getKeyDefinition();
        Set<String> seen = new HashSet<>();
        for (SourceNode entry : entries) {
            String entryPath = path;
            if (entry.isObject()) {
                StringBuilder pred = new StringBuilder();
                boolean complete = true;
                for (QName k : keys) {
                    SourceNode.Field kf = entry.field(k.getLocalName());
                    if (kf == null) {
                        kf = entry.field(YangSchema.MODULE + ":" + k.getLocalName());
                    }
                    if (kf == null || !kf.value().isScalar() || kf.value().text() == null) {
                        complete = false;
                        error(
                                entry.line(),
                                path,
                                "a '" + list.getQName().getLocalName() + "' entry has no key '" + k.getLocalName()
                                        + "'; every entry needs one");
                    } else {
                        pred.append('[')
                                .append(k.getLocalName())
                                .append("='")
                                .append(kf.value().text())
                                .append("']");
                    }
                }
                entryPath = path + pred;
                if (complete && !seen.add(pred.toString())) {
                    error(
                            entry.line(),
                            entryPath,
                            "duplicate " + list.getQName().getLocalName() + " " + pred.substring(1, pred.length() - 1)
                                    + "; names must be unique");
                }
                lines.putIfAbsent(entryPath, entry.line());
            }
            container(list, entry, entryPath);
        }
        int min = minElements(list);
        if (entries.size() < min) {
            error(
                    fields.get(0).line(),
                    path,
                    "'" + list.getQName().getLocalName() + "' needs at least " + min + " entries");
        }
    }

    private void leafList(LeafListSchemaNode leafList, List<SourceNode.Field> fields, String path) {
        List<SourceNode> values = new ArrayList<>();
        for (SourceNode.Field f : fields) {
            if (f.value().isArray()) {
                values.addAll(f.value().items());
            } else if (f.namespace() != null) {
                values.add(f.value());
            } else {
                error(
                        f.line(),
                        path,
                        "'" + f.name() + "' is a leaf-list; expected a list like [a, b] but found "
                                + f.value().describe());
            }
        }
        String name = leafList.getQName().getLocalName();
        Set<String> seen = new HashSet<>();
        for (SourceNode v : values) {
            if (leaf(leafList.getType(), v, path, name) && !seen.add(v.text())) {
                error(v.line(), path, "'" + name + "' lists '" + v.text() + "' twice");
            }
            if (v.isScalar() && v.text() != null) {
                lines.putIfAbsent(path + "[.='" + v.text() + "']", v.line());
            }
        }
        int min = minElements(leafList);
        if (values.size() < min) {
            error(
                    fields.get(0).line(),
                    path,
                    "'" + name + "' needs at least " + min + " value(s)" + expectation(leafList));
        }
    }

    /** Checks one value against its YANG type; true when it is acceptable. */
    private boolean leaf(TypeDefinition<?> type, SourceNode v, String path, String name) {
        if (!v.isScalar() || v.text() == null) {
            error(
                    v.line(),
                    path,
                    "'" + name + "' takes a single value: " + TypeText.expected(type) + "; found " + v.describe());
            return false;
        }
        String leadingZero = TypeText.leadingZero(type, v.text());
        if (leadingZero != null) {
            error(
                    v.line(),
                    path,
                    "'" + v.text() + "' has a leading zero; write " + leadingZero
                            + " (YANG numbers are decimal, and a leading zero would be read as octal)");
            return false;
        }
        String problem = TypeText.check(type, v.text());
        if (problem != null) {
            error(v.line(), path, "'" + v.text() + "' is not a valid value for '" + name + "': expected " + problem);
            return false;
        }
        return true;
    }

    private String localName(String jsonName) {
        int colon = jsonName.indexOf(':');
        if (colon < 0) {
            return jsonName;
        }
        return jsonName.substring(0, colon).equals(YangSchema.MODULE) ? jsonName.substring(colon + 1) : null;
    }

    private static int minElements(ElementCountConstraintAware node) {
        return node.getElementCountConstraint()
                .map(c -> c.getMinElements() == null ? 0 : c.getMinElements())
                .orElse(0);
    }

    private static String expectation(DataSchemaNode node) {
        if (node instanceof LeafSchemaNode leaf) {
            return " (" + TypeText.expected(leaf.getType()) + ")";
        }
        if (node instanceof LeafListSchemaNode ll) {
            return " (" + TypeText.expected(ll.getType()) + ")";
        }
        return "";
    }

    private static String childNames(DataNodeContainer schema) {
        List<String> names = new ArrayList<>();
        schema.getChildNodes().forEach(c -> names.add(c.getQName().getLocalName()));
        return String.join(", ", names);
    }

    private void error(int line, String path, String message) {
        diagnostics.add(Diagnostic.error(file, line, path, message));
    }
}
