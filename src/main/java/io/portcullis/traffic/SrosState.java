package io.portcullis.traffic;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Term;
import io.portcullis.lab.datastore.SimDatastore;
import io.portcullis.lab.device.OperationalState;
import io.portcullis.lab.device.SimDevice;
import org.w3c.dom.Element;

/**
 * SR OS nokia-state filter statistics on a lab device: {@code /state/filter/ip-filter|ipv6-filter[filter-name]/entry[entry-id]/statistics}
 * with egress (toward subscribers) and ingress hit packets and bytes per entry (entry-id = the term's sequence).
 * One filter object serves every subscriber of the sla-profile, so the numbers are totals, as on a real 7750.
 */
final class SrosState implements OperationalState {
    static final String NS = "urn:nokia.com:sros:ns:yang:sr:state";
    private final RouterTraffic traffic;

    SrosState(RouterTraffic traffic) {
        this.traffic = traffic;
    }

    @Override
    public void addState(SimDevice device, SimDatastore copy) {
        FilterIntent ir = traffic.intent();
        if (ir == null || ir.filters().isEmpty()) {
            return;
        }
        Element filter = Nodes.add(Nodes.add(copy.root(), NS, "state"), NS, "filter");
        for (Filter f : ir.filters()) {
            Element list = Nodes.add(filter, NS, f.family() == AddressFamily.IPV4 ? "ip-filter" : "ipv6-filter");
            Nodes.leaf(list, NS, "filter-name", f.name());
            boolean egress = !f.name().contains("-IN-");
            for (Term t : f.terms()) {
                long[] c = traffic.total(f.name(), t.name());
                Element entry = Nodes.add(list, NS, "entry");
                Nodes.leaf(entry, NS, "entry-id", t.sequence());
                Element st = Nodes.add(entry, NS, "statistics");
                Nodes.leaf(st, NS, "ingress-hit-pkt", egress ? 0 : c[0]);
                Nodes.leaf(st, NS, "ingress-hit-byte", egress ? 0 : c[1]);
                Nodes.leaf(st, NS, "egress-hit-pkt", egress ? c[0] : 0);
                Nodes.leaf(st, NS, "egress-hit-byte", egress ? c[1] : 0);
            }
        }
    }
}
