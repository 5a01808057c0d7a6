package io.portcullis.traffic;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.lab.datastore.Dom;
import io.portcullis.lab.datastore.SimDatastore;
import io.portcullis.lab.device.OperationalState;
import io.portcullis.lab.device.SimDevice;
import org.w3c.dom.Element;

/**
 * huawei-acl rule match counts on a lab device ({@code aclRuleCnts/aclRuleCnt/matchCount} under each owned rule,
 * one keyless entry). A term's hits go on the rule named like the term; its {@code #2…} rules show 0.
 */
final class VrpState implements OperationalState {
    static final String NS = "http://www.huawei.com/netconf/vrp/huawei-acl";
    private final RouterTraffic traffic;

    VrpState(RouterTraffic traffic) {
        this.traffic = traffic;
    }

    @Override
    public void addState(SimDevice device, SimDatastore copy) {
        FilterIntent ir = traffic.intent();
        Element acl = Nodes.child(copy.root(), NS, "acl");
        if (ir == null || acl == null) {
            return;
        }
        for (Filter f : ir.filters()) {
            boolean v4 = f.family() == AddressFamily.IPV4;
            Element group = Nodes.entry(
                    Nodes.child(acl, NS, v4 ? "aclGroups" : "aclGroup6s"),
                    NS,
                    v4 ? "aclGroup" : "aclGroup6",
                    "aclNumOrName",
                    f.name());
            Element rules = Nodes.child(group, NS, v4 ? "aclRuleAdv4s" : "aclRuleAdv6s");
            for (Element rule : rules == null ? java.util.List.<Element>of() : Dom.children(rules)) {
                Element n = Nodes.child(rule, NS, "aclRuleName");
                String name = n == null ? "" : n.getTextContent().strip();
                long packets = name.contains("#") ? 0 : traffic.total(f.name(), name)[0];
                Element cnt = Nodes.add(
                        Nodes.add(rule, NS, v4 ? "aclRuleCnts" : "acl6RuleCnts"),
                        NS,
                        v4 ? "aclRuleCnt" : "acl6RuleCnt");
                Nodes.leaf(cnt, NS, "matchCount", packets);
            }
        }
    }
}
