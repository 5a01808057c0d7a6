package io.portcullis.platform.junos;

import io.portcullis.counters.CounterRead;
import io.portcullis.counters.CounterReader;
import io.portcullis.counters.OpXml;
import io.portcullis.counters.Tally;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Term;
import java.util.HashSet;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Junos firewall filter counters through the {@code get-firewall-filter-information} RPC ("show firewall"):
 * {@code firewall-information/filter-information[filter-name]/counter[counter-name]/packet-count|byte-count}.
 * Junos counts only terms with a {@code count} action: our deny terms carry {@code portcullis-<service>-v4|v6};
 * the final accept term has none, so it is reported without numbers. Filters instantiated per subscriber by a
 * dynamic profile (and interface-specific filters) are listed per instance as {@code <filter>-<interface>-<direction>}
 * (e.g. {@code PORTCULLIS-SUBPROTECT-V4-pp0.3221225473-out}); their counters are summed into the filter.
 * Element namespaces carry the Junos release, so elements are matched by local name.
 */
public final class JunosCounters implements CounterReader {

    @Override
    public String request(FilterIntent owned) {
        return "<get-firewall-filter-information/>";
    }

    @Override
    public String source() {
        return "get-firewall-filter-information → filter-information/counter/packet-count|byte-count";
    }

    @Override
    public boolean confirmed() {
        return true;
    }

    @Override
    public CounterRead parse(FilterIntent owned, String reply) {
        return OpXml.guard(reply, root -> {
            if (OpXml.descendants(root, null, "firewall-information").isEmpty()) {
                throw new OpXml.Malformed("the reply has no firewall-information");
            }
            Tally tally = new Tally(owned);
            Set<String> instances = new HashSet<>();
            for (Element info : OpXml.descendants(root, null, "filter-information")) {
                String listed = OpXml.text(info, null, "filter-name");
                String filter = listed == null ? null : ownedFilter(owned, listed);
                if (filter == null) {
                    continue;
                }
                instances.add(listed);
                for (Element c : OpXml.children(info, null, "counter")) {
                    String name = OpXml.text(c, null, "counter-name");
                    String w = "filter " + listed + " counter " + name;
                    Term t = name == null ? null : tally.termCounting(filter, name);
                    tally.add(
                            filter,
                            t,
                            OpXml.counter(c, null, "packet-count", w),
                            OpXml.counter(c, null, "byte-count", w));
                }
            }
            if (instances.isEmpty()) {
                return CounterRead.unavailable("no PORTCULLIS filter in the firewall information (not installed?)");
            }
            long perSubscriber =
                    instances.stream().filter(i -> owned.filter(i).isEmpty()).count();
            return new CounterRead(
                    tally.terms(t -> t.counter() == null
                            ? "no count action on this term (Junos counts only named counters)"
                            : "counter " + t.counter() + " not in the reply"),
                    true,
                    perSubscriber == 0
                            ? "per filter (one instance each)"
                            : "summed over " + instances.size() + " filter instances, " + perSubscriber
                                    + " of them per-interface/subscriber (" + "dynamic-profile) instances",
                    null);
        });
    }

    /** The owned filter a listed filter name is, or an instance of ({@code NAME-<interface>-<i|o|in|out>}); null otherwise. */
    static String ownedFilter(FilterIntent owned, String listed) {
        if (owned.filter(listed).isPresent()) {
            return listed;
        }
        for (var f : owned.filters()) {
            if (listed.startsWith(f.name() + "-") && listed.matches(".*-(i|o|in|out)$")) {
                return f.name();
            }
        }
        return null;
    }
}
