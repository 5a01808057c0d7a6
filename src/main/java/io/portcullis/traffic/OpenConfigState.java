package io.portcullis.traffic;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Term;
import io.portcullis.lab.datastore.Dom;
import io.portcullis.lab.datastore.SimDatastore;
import io.portcullis.lab.device.OperationalState;
import io.portcullis.lab.device.SimDevice;
import java.util.List;
import org.w3c.dom.Element;

/**
 * OpenConfig acl-counters-state on a lab device: {@code state/matched-packets|matched-octets} under each owned
 * entry of {@code acl-sets} (the device total) and under {@code interfaces/interface/egress-acl-sets/…/acl-entries}
 * (per interface). A term's hits are reported on its first entry (sequence = the term's sequence); the other
 * entries a term renders to show 0.
 */
final class OpenConfigState implements OperationalState {
    static final String NS = "http://openconfig.net/yang/acl";
    private final RouterTraffic traffic;

    OpenConfigState(RouterTraffic traffic) {
        this.traffic = traffic;
    }

    @Override
    public void addState(SimDevice device, SimDatastore copy) {
        FilterIntent ir = traffic.intent();
        Element acl = Nodes.child(copy.root(), NS, "acl");
        if (ir == null || acl == null) {
            return;
        }
        Element aclSets = Nodes.path(acl, NS, "acl-sets");
        List<Element> sets = aclSets == null ? List.of() : Dom.children(aclSets);
        for (Filter f : ir.filters()) {
            String type = f.family() == AddressFamily.IPV4 ? "ACL_IPV4" : "ACL_IPV6";
            for (Element set : sets) {
                if (!f.name().equals(text(Nodes.child(set, NS, "name")))
                        || !text(Nodes.child(set, NS, "type")).endsWith(type)) {
                    continue;
                }
                for (Element entry : io.portcullis.lab.datastore.Dom.children(Nodes.child(set, NS, "acl-entries"))) {
                    long seq = Long.parseLong(text(Nodes.child(entry, NS, "sequence-id")));
                    Term t = termStartingAt(f, seq);
                    long[] c = t == null ? new long[2] : traffic.total(f.name(), t.name());
                    state(entry, seq, c);
                }
            }
        }
        for (Binding b : ir.bindings()) {
            if (b.kind() != AttachKind.INTERFACE) {
                continue;
            }
            String dir = b.direction() == Direction.TO_SUBSCRIBER ? "egress" : "ingress";
            Element itf = Nodes.entry(Nodes.child(acl, NS, "interfaces"), NS, "interface", "id", b.point());
            Element set = Nodes.entry(
                    Nodes.child(itf, NS, dir + "-acl-sets"), NS, dir + "-acl-set", "set-name", b.filterName());
            Filter f = ir.filter(b.filterName()).orElse(null);
            if (set == null || f == null) {
                continue;
            }
            Element entries = Nodes.add(set, NS, "acl-entries");
            for (Term t : f.terms()) {
                Element e = Nodes.add(entries, NS, "acl-entry");
                Nodes.leaf(e, NS, "sequence-id", t.sequence());
                state(e, t.sequence(), traffic.counter(b.point(), f.name(), t.name()));
            }
        }
    }

    private static void state(Element entry, long seq, long[] c) {
        Element state = Nodes.add(entry, NS, "state");
        Nodes.leaf(state, NS, "sequence-id", seq);
        Nodes.leaf(state, NS, "matched-packets", c[0]);
        Nodes.leaf(state, NS, "matched-octets", c[1]);
    }

    private static Term termStartingAt(Filter f, long seq) {
        return f.terms().stream().filter(t -> t.sequence() == seq).findFirst().orElse(null);
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent().strip();
    }
}
