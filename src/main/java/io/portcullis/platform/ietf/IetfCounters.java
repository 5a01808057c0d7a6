package io.portcullis.platform.ietf;

import io.portcullis.counters.CounterRead;
import io.portcullis.counters.CounterReader;
import io.portcullis.counters.OpXml;
import io.portcullis.counters.Tally;
import io.portcullis.intent.FilterIntent;
import org.w3c.dom.Element;

/**
 * RFC 8519 counters ({@code acl-counters}: matched-packets, matched-octets): the per-ACE aggregate
 * {@code /acls/acl[name]/aces/ace[name]/statistics} (feature {@code acl-aggregate-stats}) when the device
 * has it, else the per-interface {@code /acls/attachment-points/interface/egress/acl-sets/acl-set[name]/ace-statistics[name]}
 * (feature {@code interface-stats}) summed over interfaces. A term's ACEs ({@code deny-smtp}, {@code deny-smtp#2}, …) are summed.
 */
public final class IetfCounters implements CounterReader {
    static final String NS = "urn:ietf:params:xml:ns:yang:ietf-access-control-list";

    @Override
    public String request(FilterIntent owned) {
        return "<get><filter type=\"subtree\"><acls xmlns=\"" + NS + "\"/></filter></get>";
    }

    @Override
    public String source() {
        return "/acls/acl/aces/ace/statistics/matched-packets (or attachment-points/interface/egress/acl-sets/acl-set/ace-statistics)";
    }

    @Override
    public boolean confirmed() {
        return true;
    }

    @Override
    public CounterRead parse(FilterIntent owned, String reply) {
        return OpXml.guard(reply, root -> {
            Tally aggregate = new Tally(owned);
            for (Element acls : OpXml.descendants(root, NS, "acls")) {
                for (Element acl : OpXml.children(acls, NS, "acl")) {
                    String name = OpXml.text(acl, NS, "name");
                    if (name == null || !aggregate.owns(name)) {
                        continue;
                    }
                    for (Element ace : OpXml.children(OpXml.child(acl, NS, "aces"), NS, "ace")) {
                        Element stats = OpXml.child(ace, NS, "statistics");
                        String aceName = OpXml.text(ace, NS, "name");
                        if (stats != null && aceName != null) {
                            String w = "acl " + name + " ace " + aceName;
                            aggregate.add(
                                    name,
                                    aggregate.termNamed(name, aceName),
                                    OpXml.counter(stats, NS, "matched-packets", w),
                                    OpXml.counter(stats, NS, "matched-octets", w));
                        }
                    }
                }
            }
            if (!aggregate.empty()) {
                return new CounterRead(
                        aggregate.terms(t -> "no statistics for this ACE in the reply"),
                        true,
                        "ACEs of a term summed, ACL level (acl-aggregate-stats: the device's total over attachment points)",
                        null);
            }
            Tally perInterface = new Tally(owned);
            int interfaces = 0;
            for (Element acls : OpXml.descendants(root, NS, "acls")) {
                for (Element itf : OpXml.children(OpXml.child(acls, NS, "attachment-points"), NS, "interface")) {
                    boolean any = false;
                    for (String dir : new String[] {"egress", "ingress"}) {
                        for (Element set : OpXml.children(OpXml.path(itf, NS, dir, "acl-sets"), NS, "acl-set")) {
                            String name = OpXml.text(set, NS, "name");
                            if (name == null
                                    || !perInterface.owns(name)
                                    || perInterface.towardSubscriber(name) != dir.equals("egress")) {
                                continue;
                            }
                            for (Element st : OpXml.children(set, NS, "ace-statistics")) {
                                String aceName = OpXml.text(st, NS, "name");
                                String w = "interface " + OpXml.text(itf, NS, "interface-id") + " " + name + " ace "
                                        + aceName;
                                perInterface.add(
                                        name,
                                        aceName == null ? null : perInterface.termNamed(name, aceName),
                                        OpXml.counter(st, NS, "matched-packets", w),
                                        OpXml.counter(st, NS, "matched-octets", w));
                                any = true;
                            }
                        }
                    }
                    interfaces += any ? 1 : 0;
                }
            }
            if (perInterface.empty()) {
                return CounterRead.unavailable(
                        "no ACE statistics for a PORTCULLIS ACL in the reply (not installed, or the device "
                                + "supports neither acl-aggregate-stats nor interface-stats)");
            }
            return new CounterRead(
                    perInterface.terms(t -> "no statistics for this ACE in the reply"),
                    true,
                    "ACEs of a term summed, over " + interfaces + " interface" + (interfaces == 1 ? "" : "s")
                            + " (interface-stats)",
                    null);
        });
    }
}
