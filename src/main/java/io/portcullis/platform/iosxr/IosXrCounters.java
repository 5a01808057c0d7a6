package io.portcullis.platform.iosxr;

import io.portcullis.counters.CounterRead;
import io.portcullis.counters.CounterReader;
import io.portcullis.counters.OpXml;
import io.portcullis.counters.Tally;
import io.portcullis.intent.FilterIntent;
import org.w3c.dom.Element;

/**
 * IOS-XR ACL hit counts from the ACL manager's operational model ({@code Cisco-IOS-XR-ipv4-acl-oper} /
 * {@code Cisco-IOS-XR-ipv6-acl-oper}, revision 2017-05-01 as published in Cisco's YDK bindings):
 * {@code ipv4-acl-and-prefix-list/access-list-manager/accesses/access[access-list-name]/access-list-sequences/access-list-sequence[sequence-number]/hits}.
 * Packets only (the model has no byte count). The ACL manager's count is per ACL, summed over every
 * interface and dynamic-template (subscriber) instance the ACL is applied to. A term's entries live at
 * {@code sequence × 1000 + n} (the remark at {@code × 1000} never counts), so they are summed per term.
 */
public final class IosXrCounters implements CounterReader {
    static final String NS_V4 = "http://cisco.com/ns/yang/Cisco-IOS-XR-ipv4-acl-oper";
    static final String NS_V6 = "http://cisco.com/ns/yang/Cisco-IOS-XR-ipv6-acl-oper";

    @Override
    public String request(FilterIntent owned) {
        return "<get><filter type=\"subtree\">"
                + "<ipv4-acl-and-prefix-list xmlns=\"" + NS_V4
                + "\"><access-list-manager><accesses/></access-list-manager></ipv4-acl-and-prefix-list>"
                + "<ipv6-acl-and-prefix-list xmlns=\"" + NS_V6
                + "\"><access-list-manager><accesses/></access-list-manager></ipv6-acl-and-prefix-list>"
                + "</filter></get>";
    }

    @Override
    public String source() {
        return "Cisco-IOS-XR-ipv4|ipv6-acl-oper:…/access-list-manager/accesses/access/access-list-sequences/access-list-sequence/hits";
    }

    @Override
    public boolean confirmed() {
        return true;
    }

    @Override
    public CounterRead parse(FilterIntent owned, String reply) {
        return OpXml.guard(reply, root -> {
            Tally tally = new Tally(owned);
            for (String ns : new String[] {NS_V4, NS_V6}) {
                for (Element accesses : OpXml.descendants(root, ns, "accesses")) {
                    for (Element access : OpXml.children(accesses, ns, "access")) {
                        String name = OpXml.text(access, ns, "access-list-name");
                        if (name == null || !tally.owns(name)) {
                            continue;
                        }
                        for (Element seq : OpXml.children(
                                OpXml.child(access, ns, "access-list-sequences"), ns, "access-list-sequence")) {
                            long n = OpXml.key(seq, ns, "sequence-number", "access-list " + name + " sequence");
                            if (n % 1000 == 0) {
                                continue; // the term's remark line
                            }
                            tally.add(
                                    name,
                                    tally.termAtOrBefore(name, n / 1000),
                                    OpXml.counter(seq, ns, "hits", "access-list " + name + " sequence " + n),
                                    null);
                        }
                    }
                }
            }
            if (tally.empty()) {
                return CounterRead.unavailable(
                        "no hits for a PORTCULLIS access-list in the reply (not installed, or no *-acl-oper model)");
            }
            return new CounterRead(
                    tally.terms(t -> "no hits for this entry in the reply"),
                    true,
                    "entries of a term summed; the ACL manager's hits are per ACL, over every interface and dynamic-template instance",
                    null);
        });
    }
}
