package io.portcullis.platform.openconfig;

import io.portcullis.counters.CounterRead;
import io.portcullis.counters.CounterReader;
import io.portcullis.counters.OpXml;
import io.portcullis.counters.Tally;
import io.portcullis.intent.FilterIntent;
import java.util.HashSet;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * OpenConfig ACL counters ({@code openconfig-acl} 1.3.3, {@code acl-counters-state}): per interface at
 * {@code /acl/interfaces/interface[id]/egress-acl-sets/egress-acl-set[set-name][type]/acl-entries/acl-entry[sequence-id]/state/matched-packets}
 * (and {@code matched-octets}; {@code ingress-acl-sets} for filters bound from subscribers), summed over
 * interfaces; when a device reports no per-interface entries, the acl-set level
 * {@code /acl/acl-sets/acl-set[name][type]/acl-entries/acl-entry/state/matched-packets} (the device's own
 * aggregate). Never both: that would count each packet twice. A term's entries (sequence S, S+1, …) are summed.
 */
public final class OpenConfigCounters implements CounterReader {
    static final String NS = "http://openconfig.net/yang/acl";

    @Override
    public String request(FilterIntent owned) {
        return "<get><filter type=\"subtree\"><acl xmlns=\"" + NS + "\"><acl-sets/><interfaces/></acl></filter></get>";
    }

    @Override
    public String source() {
        return "/acl/interfaces/interface/egress-acl-sets/egress-acl-set/acl-entries/acl-entry/state/matched-packets (or the acl-set level)";
    }

    @Override
    public boolean confirmed() {
        return true;
    }

    @Override
    public CounterRead parse(FilterIntent owned, String reply) {
        return OpXml.guard(reply, root -> {
            Tally perInterface = new Tally(owned);
            Set<String> interfaces = new HashSet<>();
            for (Element acl : OpXml.descendants(root, NS, "acl")) {
                for (Element itf : OpXml.children(OpXml.child(acl, NS, "interfaces"), NS, "interface")) {
                    String id = OpXml.text(itf, NS, "id");
                    for (String dir : new String[] {"egress", "ingress"}) {
                        for (Element set :
                                OpXml.children(OpXml.child(itf, NS, dir + "-acl-sets"), NS, dir + "-acl-set")) {
                            String name = OpXml.text(set, NS, "set-name");
                            if (name == null
                                    || !perInterface.owns(name)
                                    || perInterface.towardSubscriber(name) != dir.equals("egress")) {
                                continue;
                            }
                            interfaces.add(id);
                            entries(
                                    perInterface,
                                    name,
                                    OpXml.child(set, NS, "acl-entries"),
                                    "interface " + id + " " + dir + " " + name);
                        }
                    }
                }
            }
            if (!perInterface.empty()) {
                return new CounterRead(
                        perInterface.terms(t -> "no counter for this entry in the reply"),
                        true,
                        "entries of a term summed, over " + interfaces.size() + " interface"
                                + (interfaces.size() == 1 ? "" : "s"),
                        null);
            }
            Tally perSet = new Tally(owned);
            for (Element acl : OpXml.descendants(root, NS, "acl")) {
                for (Element set : OpXml.children(OpXml.child(acl, NS, "acl-sets"), NS, "acl-set")) {
                    String name = OpXml.text(set, NS, "name");
                    if (name != null && perSet.owns(name)) {
                        entries(perSet, name, OpXml.child(set, NS, "acl-entries"), "acl-set " + name);
                    }
                }
            }
            if (perSet.empty()) {
                return CounterRead.unavailable(
                        "no matched-packets for a PORTCULLIS acl-set in the reply (not installed, or no acl-counters-state)");
            }
            return new CounterRead(
                    perSet.terms(t -> "no counter for this entry in the reply"),
                    true,
                    "entries of a term summed, acl-set level (the device's aggregate over its interfaces)",
                    null);
        });
    }

    private static void entries(Tally tally, String filter, Element entries, String where) {
        for (Element e : OpXml.children(entries, NS, "acl-entry")) {
            Element state = OpXml.child(e, NS, "state");
            if (state == null) {
                continue;
            }
            String w = where + " entry " + OpXml.text(e, NS, "sequence-id");
            long seq = OpXml.key(e, NS, "sequence-id", where + " entry");
            tally.add(
                    filter,
                    tally.termAtOrBefore(filter, seq),
                    OpXml.counter(state, NS, "matched-packets", w),
                    OpXml.counter(state, NS, "matched-octets", w));
        }
    }
}
