package io.portcullis.lab.datastore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** A node's location as (namespace, name, keys) steps: rendered as an instance-identifier for RFC 6470 edits. */
public record EditPath(List<Step> steps) {
    public record Step(String namespace, String name, Map<String, String> keys) {}

    public EditPath {
        steps = List.copyOf(steps);
    }

    public static EditPath of(Element e, ListKeys keys) {
        List<Step> steps = new ArrayList<>();
        for (Node n = e; n instanceof Element el && !Dom.isDatastoreRoot(el); n = n.getParentNode()) {
            Map<String, String> kv = new LinkedHashMap<>();
            for (String k : keys.keysOf(el)) {
                Element kl = Dom.firstChild(el, k);
                if (kl != null) {
                    kv.put(k, Dom.text(kl));
                }
            }
            steps.add(0, new Step(Dom.dataNamespace(el), Dom.localName(el), kv));
        }
        return new EditPath(steps);
    }

    /** Plain text form without prefixes, e.g. {@code /acl/acl-sets/acl-set[name='X'][type='ACL_IPV4']}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            sb.append('/').append(s.name());
            s.keys()
                    .forEach((k, v) ->
                            sb.append('[').append(k).append("='").append(v).append("']"));
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    /**
     * Instance-identifier with prefixes p0, p1… bound by {@code declarations} (prefix → namespace), which the
     * caller puts on the enclosing element. Un-namespaced (Junos) steps carry no prefix.
     */
    public String toInstanceIdentifier(Map<String, String> declarations) {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            String prefix = "";
            if (!s.namespace().isEmpty()) {
                prefix = declarations.entrySet().stream()
                        .filter(en -> en.getValue().equals(s.namespace()))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(null);
                if (prefix == null) {
                    prefix = "p" + declarations.size();
                    declarations.put(prefix, s.namespace());
                }
                prefix = prefix + ":";
            }
            sb.append('/').append(prefix).append(s.name());
            for (Map.Entry<String, String> k : s.keys().entrySet()) {
                sb.append('[')
                        .append(prefix)
                        .append(k.getKey())
                        .append("='")
                        .append(k.getValue().replace("'", "&apos;"))
                        .append("']");
            }
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }
}
