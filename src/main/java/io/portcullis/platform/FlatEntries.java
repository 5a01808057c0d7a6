package io.portcullis.platform;

import io.portcullis.intent.Action;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * For models whose entries match one destination port and one prefix each (OpenConfig, Huawei):
 * a term is written as one entry per (prefix, port) pair, prefix-major, at consecutive positions.
 * Reading groups consecutive entries of the same term back into one term, but only when they form
 * that exact product; anything else (an entry deleted or edited on the device) stays one term per
 * entry, so the IR still decides every packet exactly as the device does.
 */
public final class FlatEntries {

    /** One device entry; null prefix/port means "any". */
    public record Entry(
            long sequence,
            String term,
            Protocol protocol,
            IpPrefix destinationPrefix,
            PortRange destinationPort,
            IpPrefix sourcePrefix,
            PortRange sourcePort,
            Action action,
            String counter,
            boolean log,
            String description) {
        boolean sameTermAs(Entry o) {
            return term.equals(o.term)
                    && protocol.equals(o.protocol)
                    && action == o.action
                    && log == o.log
                    && Objects.equals(counter, o.counter)
                    && Objects.equals(description, o.description)
                    && Objects.equals(sourcePrefix, o.sourcePrefix)
                    && Objects.equals(sourcePort, o.sourcePort);
        }
    }

    private FlatEntries() {}

    /** Groups entries (already in evaluation order) into terms. */
    public static List<Term> group(List<Entry> entries) {
        List<Term> terms = new ArrayList<>();
        int i = 0;
        while (i < entries.size()) {
            int j = i + 1;
            while (j < entries.size() && entries.get(j).sameTermAs(entries.get(i))) {
                j++;
            }
            List<Entry> run = entries.subList(i, j);
            Term merged = product(run);
            if (merged != null) {
                terms.add(merged);
            } else {
                for (Entry e : run) {
                    terms.add(term(e, e.term + "@" + e.sequence, list(e.destinationPrefix), list(e.destinationPort)));
                }
            }
            i = j;
        }
        return terms;
    }

    private static Term product(List<Entry> run) {
        List<IpPrefix> prefixes = new ArrayList<>();
        List<PortRange> ports = new ArrayList<>();
        boolean nullPrefix = false;
        boolean nullPort = false;
        Set<List<Object>> seen = new HashSet<>();
        for (Entry e : run) {
            if (e.destinationPrefix == null) {
                nullPrefix = true;
            } else if (!prefixes.contains(e.destinationPrefix)) {
                prefixes.add(e.destinationPrefix);
            }
            if (e.destinationPort == null) {
                nullPort = true;
            } else if (!ports.contains(e.destinationPort)) {
                ports.add(e.destinationPort);
            }
            seen.add(java.util.Arrays.asList(e.destinationPrefix, e.destinationPort));
        }
        if ((nullPrefix && !prefixes.isEmpty()) || (nullPort && !ports.isEmpty())) {
            return null;
        }
        int expected = Math.max(1, prefixes.size()) * Math.max(1, ports.size());
        if (run.size() != expected || seen.size() != expected) {
            return null;
        }
        // the renderer's order: prefix-major; a reordered run still decides the same packets, accept it
        return term(run.get(0), run.get(0).term, prefixes, ports);
    }

    private static Term term(Entry e, String name, List<IpPrefix> prefixes, List<PortRange> ports) {
        Match m = new Match(e.protocol, ports, list(e.sourcePort), List.of(), prefixes, list(e.sourcePrefix));
        int seq = (int) Math.min(Integer.MAX_VALUE, e.sequence);
        return new Term(name, seq, m, e.action, e.counter, e.log, e.description);
    }

    private static <T> List<T> list(T value) {
        return value == null ? List.of() : List.of(value);
    }
}
