package io.portcullis.lab.datastore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * edit-config on a datastore (RFC 6241 §7.2): per-node operation attributes over a default operation,
 * data-exists / data-missing errors, error-option handling, list entries matched by their key leaves
 * ({@link ListKeys}) and ordered-by-user placement ({@link Inserts}).
 */
public final class EditConfig {
    private final ListKeys keys;
    private final List<DataError> errors = new ArrayList<>();
    private final Set<AppliedEdit> applied = new LinkedHashSet<>();
    private boolean stopOnError;
    /** Changes below a node this edit created are part of that creation, not edits of their own. */
    private int insideNewNode;

    public EditConfig(ListKeys keys) {
        this.keys = keys;
    }

    /**
     * Applies the children of {@code config} to {@code target}. On error: stop-on-error keeps what was applied
     * before the error, continue-on-error applies everything it can, rollback-on-error restores the target;
     * all then throw with the errors.
     *
     * @return the changes made, for netconf-config-change notifications
     */
    public static List<AppliedEdit> apply(
            SimDatastore target, Element config, EditOperation defaultOperation, ErrorOption errorOption)
            throws DataException {
        return new EditConfig(ListKeys.DEFAULT).run(target, config, defaultOperation, errorOption);
    }

    public List<AppliedEdit> run(
            SimDatastore target, Element config, EditOperation defaultOperation, ErrorOption errorOption)
            throws DataException {
        if (defaultOperation == EditOperation.CREATE
                || defaultOperation == EditOperation.DELETE
                || defaultOperation == EditOperation.REMOVE) {
            throw new DataException(
                    DataError.protocol("invalid-value", "default-operation must be merge, replace or none", Map.of()));
        }
        SimDatastore before = errorOption == ErrorOption.ROLLBACK_ON_ERROR ? target.copy() : null;
        stopOnError = errorOption != ErrorOption.CONTINUE_ON_ERROR;
        Element root = target.root();
        try {
            if (defaultOperation == EditOperation.REPLACE) {
                // default-operation replace: the <config> content becomes the whole datastore (RFC 6241 §7.2)
                for (Element c : Dom.children(root)) {
                    if (Dom.children(config).stream().noneMatch(e -> Dom.sameName(e, c))) {
                        root.removeChild(c);
                        record(new AppliedEdit(EditPath.of(c, keys), EditOperation.DELETE));
                    }
                }
            }
            applyChildren(target, root, config, defaultOperation);
        } catch (DataException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            if (before != null) {
                target.replaceContent(before);
            }
            throw new DataException(errors);
        }
        return List.copyOf(applied);
    }

    private void applyChildren(SimDatastore ds, Element targetParent, Element editParent, EditOperation inherited)
            throws DataException {
        Element annotation = null;
        for (Element edit : Dom.children(editParent)) {
            if (isJunosComment(edit)) {
                annotation = edit; // annotates the next sibling, wherever that one ends up
                continue;
            }
            try {
                Element result = applyNode(ds, targetParent, editParent, edit, inherited);
                if (annotation != null && result != null && result.getParentNode() == targetParent) {
                    removeAnnotation(result);
                    targetParent.insertBefore(ds.importClean(annotation), result);
                }
            } catch (DataException e) {
                if (stopOnError) {
                    throw e;
                }
                errors.addAll(e.errors());
            }
            annotation = null;
        }
        if (annotation != null) {
            targetParent.appendChild(ds.importClean(annotation));
        }
    }

    /**
     * Junos {@code <junos:comment>} annotates the element that follows it (the Junos reader relies on that),
     * so it is neither keyed nor merged: it travels with its element.
     */
    static boolean isJunosComment(Element e) {
        String ns = e.getNamespaceURI();
        return "comment".equals(Dom.localName(e)) && ns != null && ns.startsWith("http://xml.juniper.net/junos/");
    }

    private static void removeAnnotation(Element node) {
        org.w3c.dom.Node prev = node.getPreviousSibling();
        while (prev != null && !(prev instanceof Element)) {
            prev = prev.getPreviousSibling();
        }
        if (prev instanceof Element pe && isJunosComment(pe)) {
            node.getParentNode().removeChild(pe);
        }
    }

    /** @return the node the edit produced or touched in the target (null when it was removed) */
    private Element applyNode(
            SimDatastore ds, Element targetParent, Element editParent, Element edit, EditOperation inherited)
            throws DataException {
        EditOperation op = operationOf(edit, inherited);
        List<String> entryKeys = keys.keysOf(edit);
        if (entryKeys.isEmpty() && keys.isListByTable(edit) && !Dom.isLeaf(edit)) {
            throw new DataException(new DataError(
                    "protocol",
                    "missing-element",
                    "error",
                    null,
                    Dom.path(edit, keys),
                    "list entry " + Dom.localName(edit) + " has no key leaf",
                    Map.of("bad-element", Dom.localName(edit))));
        }
        for (String k : entryKeys) {
            if (Dom.firstChild(edit, k) == null) {
                throw new DataException(new DataError(
                        "protocol",
                        "missing-element",
                        "error",
                        null,
                        Dom.path(edit, keys),
                        "list entry " + Dom.localName(edit) + " lacks its key " + k,
                        Map.of("bad-element", k)));
            }
        }
        boolean leaf = Dom.isLeaf(edit) && entryKeys.isEmpty();
        boolean leafList = leaf && keys.isLeafList(edit, editParent, targetParent);
        Element existing = find(targetParent, edit, entryKeys, leafList);
        switch (op) {
            case DELETE, REMOVE -> {
                if (existing == null) {
                    if (op == EditOperation.DELETE) {
                        throw new DataException(DataError.application(
                                "data-missing",
                                Dom.path(edit, keys),
                                "cannot delete " + Dom.localName(edit) + ": it does not exist"));
                    }
                    return null;
                }
                record(new AppliedEdit(EditPath.of(existing, keys), EditOperation.DELETE));
                removeAnnotation(existing);
                targetParent.removeChild(existing);
                return null;
            }
            case CREATE -> {
                if (existing != null) {
                    throw new DataException(DataError.application(
                            "data-exists",
                            Dom.path(edit, keys),
                            "cannot create " + Dom.localName(edit) + ": it already exists"));
                }
                return createOrUpdate(ds, targetParent, editParent, edit, null, entryKeys, leaf, leafList, op);
            }
            case NONE -> {
                if (existing == null) {
                    throw new DataException(DataError.application(
                            "data-missing",
                            Dom.path(edit, keys),
                            Dom.localName(edit) + " does not exist and the operation is none"));
                }
                if (!leaf) {
                    applyChildren(ds, existing, edit, op);
                }
                return existing;
            }
            default -> {
                return createOrUpdate(ds, targetParent, editParent, edit, existing, entryKeys, leaf, leafList, op);
            }
        }
    }

    private Element createOrUpdate(
            SimDatastore ds,
            Element targetParent,
            Element editParent,
            Element edit,
            Element existing,
            List<String> entryKeys,
            boolean leaf,
            boolean leafList,
            EditOperation op)
            throws DataException {
        boolean ordered = !entryKeys.isEmpty() || leafList;
        if (existing == null) {
            Element node = ds.document().createElementNS(edit.getNamespaceURI(), edit.getNodeName());
            SimDatastore.copyDataAttributes(edit, node);
            if (leaf) {
                node.setTextContent(Dom.text(edit).isEmpty() ? edit.getTextContent() : Dom.text(edit));
                SimDatastore.declareValuePrefix(edit, node);
            }
            for (String k : entryKeys) {
                node.appendChild(ds.importClean(Dom.firstChild(edit, k)));
            }
            if (ordered) {
                Inserts.place(targetParent, node, edit, entryKeys, leafList, keys);
            } else {
                targetParent.appendChild(node);
            }
            record(new AppliedEdit(EditPath.of(node, keys), EditOperation.CREATE));
            if (!leaf) {
                // children of a new node are created; explicit operations below still apply (delete → data-missing)
                insideNewNode++;
                try {
                    applyChildren(ds, node, edit, op == EditOperation.CREATE ? EditOperation.MERGE : op);
                } finally {
                    insideNewNode--;
                }
            }
            return node;
        }
        if (ordered && Inserts.hasInsert(edit)) {
            Inserts.place(targetParent, existing, edit, entryKeys, leafList, keys);
            record(new AppliedEdit(EditPath.of(existing, keys), op));
        }
        if (leaf) {
            if (!Dom.sameValue(existing, edit)) {
                Element fresh = ds.importClean(edit);
                targetParent.replaceChild(fresh, existing);
                record(new AppliedEdit(EditPath.of(fresh, keys), op));
                return fresh;
            }
            return existing;
        }
        if (op == EditOperation.REPLACE) {
            for (Node n = existing.getFirstChild(); n != null; n = existing.getFirstChild()) {
                existing.removeChild(n);
            }
            record(new AppliedEdit(EditPath.of(existing, keys), EditOperation.REPLACE));
            insideNewNode++;
            try {
                applyChildren(ds, existing, edit, op);
            } finally {
                insideNewNode--;
            }
            return existing;
        }
        applyChildren(ds, existing, edit, op);
        return existing;
    }

    private void record(AppliedEdit edit) {
        if (insideNewNode == 0) {
            applied.add(edit);
        }
    }

    private Element find(Element parent, Element edit, List<String> entryKeys, boolean leafList) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element c) || !Dom.sameName(c, edit)) {
                continue;
            }
            if (leafList) {
                if (Dom.sameValue(c, edit)) {
                    return c;
                }
            } else if (!entryKeys.isEmpty()) {
                if (sameKeys(c, edit, entryKeys)) {
                    return c;
                }
            } else {
                return c;
            }
        }
        return null;
    }

    private static boolean sameKeys(Element a, Element b, List<String> entryKeys) {
        for (String k : entryKeys) {
            Element ka = Dom.firstChild(a, k);
            Element kb = Dom.firstChild(b, k);
            if (ka == null || kb == null || !Dom.sameValue(ka, kb)) {
                return false;
            }
        }
        return true;
    }

    private EditOperation operationOf(Element edit, EditOperation inherited) throws DataException {
        String text = null;
        if (edit.hasAttributeNS(Dom.NETCONF_NS, "operation")) {
            text = edit.getAttributeNS(Dom.NETCONF_NS, "operation");
        } else if (edit.hasAttributeNS(null, "operation")) {
            text = edit.getAttributeNS(null, "operation");
        }
        if (text == null) {
            return inherited;
        }
        try {
            EditOperation op = EditOperation.parse(text);
            if (op == EditOperation.NONE) {
                throw new IllegalArgumentException(text);
            }
            return op;
        } catch (IllegalArgumentException e) {
            throw new DataException(new DataError(
                    "protocol",
                    "bad-attribute",
                    "error",
                    null,
                    Dom.path(edit, keys),
                    "operation '" + text + "' is not merge, replace, create, delete or remove",
                    Map.of("bad-attribute", "operation", "bad-element", Dom.localName(edit))));
        }
    }
}
