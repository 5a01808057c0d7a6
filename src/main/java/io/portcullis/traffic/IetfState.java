package io.portcullis.traffic;

import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.lab.datastore.Dom;
import io.portcullis.lab.datastore.SimDatastore;
import io.portcullis.lab.device.OperationalState;
import io.portcullis.lab.device.SimDevice;
import org.w3c.dom.Element;

/**
 * RFC 8519 {@code acl-aggregate-stats} on a lab device: {@code statistics/matched-packets|matched-octets} under
 * every ACE of an owned ACL. A term's hits go on the ACE named like the term; its {@code #2…} ACEs show 0.
 */
final class IetfState implements OperationalState {
    static final String NS = "urn:ietf:params:xml:ns:yang:ietf-access-control-list";
    private final RouterTraffic traffic;

    IetfState(RouterTraffic traffic) {
        this.traffic = traffic;
    }

    @Override
    public void addState(SimDevice device, SimDatastore copy) {
        FilterIntent ir = traffic.intent();
        Element acls = Nodes.child(copy.root(), NS, "acls");
        if (ir == null || acls == null) {
            return;
        }
        for (Filter f : ir.filters()) {
            Element acl = Nodes.entry(acls, NS, "acl", "name", f.name());
            for (Element ace :
                    acl == null ? java.util.List.<Element>of() : Dom.children(Nodes.child(acl, NS, "aces"))) {
                String name = Nodes.child(ace, NS, "name").getTextContent().strip();
                long[] c = name.contains("#")
                                || f.terms().stream().noneMatch(t -> t.name().equals(name))
                        ? new long[2]
                        : traffic.total(f.name(), name);
                Element st = Nodes.add(ace, NS, "statistics");
                Nodes.leaf(st, NS, "matched-packets", c[0]);
                Nodes.leaf(st, NS, "matched-octets", c[1]);
            }
        }
    }
}
