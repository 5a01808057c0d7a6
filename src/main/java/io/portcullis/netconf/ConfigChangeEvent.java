package io.portcullis.netconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * RFC 6470 {@code netconf-config-change}: who changed which datastore, and which nodes.
 *
 * @param changedBy the server, or user/session-id/source-host
 * @param datastore "running" (default) or "startup"
 * @param edits each edited node
 * @param eventTime the notification's eventTime text
 */
public record ConfigChangeEvent(ChangedBy changedBy, String datastore, List<Edit> edits, String eventTime) {

    /**
     * @param target instance-identifier of the edited node
     * @param targetNamespaces prefix → namespace in scope at target (to resolve its prefixes)
     * @param operation merge/replace/create/delete/remove, or null
     */
    public record Edit(String target, Map<String, String> targetNamespaces, String operation) {
        public Edit {
            targetNamespaces = Map.copyOf(targetNamespaces);
        }
    }

    public ConfigChangeEvent {
        edits = List.copyOf(edits);
    }

    static Optional<ConfigChangeEvent> from(Notification n) {
        Element e = n.event();
        if (e == null || !Xml.is(e, Xml.NC_NOTIFICATIONS_NS, "netconf-config-change")) {
            return Optional.empty();
        }
        List<Edit> edits = new ArrayList<>();
        for (Element edit : Xml.children(e, "edit")) {
            Element target = Xml.child(edit, "target");
            edits.add(new Edit(
                    target == null ? null : target.getTextContent().strip(),
                    target == null ? Map.of() : Xml.namespacesInScope(target),
                    Xml.childText(edit, "operation")));
        }
        String ds = Xml.childText(e, "datastore");
        return Optional.of(new ConfigChangeEvent(
                ChangedBy.parse(Xml.child(e, "changed-by")), ds == null ? "running" : ds, edits, n.eventTimeText()));
    }
}
