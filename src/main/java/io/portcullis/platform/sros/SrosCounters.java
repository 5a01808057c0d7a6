package io.portcullis.platform.sros;

import io.portcullis.counters.CounterRead;
import io.portcullis.counters.CounterReader;
import io.portcullis.counters.OpXml;
import io.portcullis.counters.Tally;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import org.w3c.dom.Element;

/**
 * SR OS filter entry statistics (nokia-state 19.7, {@code nokia-state-filter.yang} revision 2019-05-19):
 * {@code /state:state/filter/ip-filter|ipv6-filter[filter-name]/entry[entry-id]/statistics/egress-hit-pkt|egress-hit-byte}
 * ({@code ingress-hit-*} for filters bound from subscribers). An SLA-profile filter is one filter object
 * whatever the number of subscribers using it, so the entry statistics are already the total over every
 * subscriber instance; nothing per subscriber is read.
 */
public final class SrosCounters implements CounterReader {
    static final String NS = "urn:nokia.com:sros:ns:yang:sr:state";

    @Override
    public String request(FilterIntent owned) {
        StringBuilder sb = new StringBuilder("<get><filter type=\"subtree\"><state xmlns=\"" + NS + "\"><filter>");
        for (Filter f : owned.filters()) {
            String list = f.family() == io.portcullis.intent.AddressFamily.IPV4 ? "ip-filter" : "ipv6-filter";
            sb.append('<')
                    .append(list)
                    .append("><filter-name>")
                    .append(xml(f.name()))
                    .append("</filter-name><entry/></")
                    .append(list)
                    .append('>');
        }
        return sb.append("</filter></state></filter></get>").toString();
    }

    @Override
    public String source() {
        return "/state:state/filter/ip-filter|ipv6-filter[filter-name]/entry[entry-id]/statistics/egress-hit-pkt|egress-hit-byte";
    }

    @Override
    public boolean confirmed() {
        return true;
    }

    @Override
    public CounterRead parse(FilterIntent owned, String reply) {
        return OpXml.guard(reply, root -> {
            Tally tally = new Tally(owned);
            for (Element filter : OpXml.descendants(root, NS, "filter")) {
                for (String list : new String[] {"ip-filter", "ipv6-filter"}) {
                    for (Element f : OpXml.children(filter, NS, list)) {
                        String name = OpXml.text(f, NS, "filter-name");
                        if (name == null || !tally.owns(name)) {
                            continue;
                        }
                        String dir = tally.towardSubscriber(name) ? "egress" : "ingress";
                        for (Element entry : OpXml.children(f, NS, "entry")) {
                            Element stats = OpXml.child(entry, NS, "statistics");
                            if (stats == null) {
                                continue;
                            }
                            long id = OpXml.key(entry, NS, "entry-id", list + " " + name + " entry");
                            String w = list + " " + name + " entry " + id;
                            tally.add(
                                    name,
                                    tally.termAtOrBefore(name, id),
                                    OpXml.counter(stats, NS, dir + "-hit-pkt", w),
                                    OpXml.counter(stats, NS, dir + "-hit-byte", w));
                        }
                    }
                }
            }
            if (tally.empty()) {
                return CounterRead.unavailable(
                        "no entry statistics for a PORTCULLIS filter in the reply (not installed?)");
            }
            return new CounterRead(
                    tally.terms(t -> "no statistics for this entry in the reply"),
                    true,
                    "filter entry totals: an sla-profile filter is one object, so these already include every subscriber using it",
                    null);
        });
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }
}
