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
 * IOS-XR ACL manager hits on a lab device ({@code Cisco-IOS-XR-ipv4|ipv6-acl-oper}): one
 * {@code access-list-sequence} per owned term at {@code sequence × 1000 + 1} (the term's first rule) with its
 * {@code hits}, summed over every interface and template the ACL is applied to. Packets only, as the model.
 */
final class IosXrState implements OperationalState {
    static final String NS_V4 = "http://cisco.com/ns/yang/Cisco-IOS-XR-ipv4-acl-oper";
    static final String NS_V6 = "http://cisco.com/ns/yang/Cisco-IOS-XR-ipv6-acl-oper";
    private final RouterTraffic traffic;

    IosXrState(RouterTraffic traffic) {
        this.traffic = traffic;
    }

    @Override
    public void addState(SimDevice device, SimDatastore copy) {
        FilterIntent ir = traffic.intent();
        if (ir == null || ir.filters().isEmpty()) {
            return;
        }
        Element v4 = null;
        Element v6 = null;
        for (Filter f : ir.filters()) {
            boolean isV4 = f.family() == AddressFamily.IPV4;
            String ns = isV4 ? NS_V4 : NS_V6;
            Element accesses = isV4 ? v4 : v6;
            if (accesses == null) {
                accesses = Nodes.add(
                        Nodes.add(
                                Nodes.add(
                                        copy.root(),
                                        ns,
                                        isV4 ? "ipv4-acl-and-prefix-list" : "ipv6-acl-and-prefix-list"),
                                ns,
                                "access-list-manager"),
                        ns,
                        "accesses");
                if (isV4) {
                    v4 = accesses;
                } else {
                    v6 = accesses;
                }
            }
            Element access = Nodes.add(accesses, ns, "access");
            Nodes.leaf(access, ns, "access-list-name", f.name());
            Element seqs = Nodes.add(access, ns, "access-list-sequences");
            for (Term t : f.terms()) {
                Element s = Nodes.add(seqs, ns, "access-list-sequence");
                Nodes.leaf(s, ns, "sequence-number", (long) t.sequence() * 1000 + 1);
                Nodes.leaf(s, ns, "hits", traffic.total(f.name(), t.name())[0]);
            }
        }
    }
}
