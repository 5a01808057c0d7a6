package io.portcullis.engine.counters;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one line a NOC reads per router: "enforcing: 1,234 SMTP and 56 SNMP probes dropped in the last 5m",
 * "no drops observed", or "counters unavailable (reason)". Drops are the packets of the discard/reject terms,
 * named after the service of the term ({@code deny-smtp} → SMTP), both families together; over the window since
 * the last read when one is known, else since the filters were installed.
 */
record Verdict(String text, boolean enforcing) {

    static Verdict of(CounterSample s, List<CounterReport.TermRow> rows, Duration window) {
        if (!s.read().available()) {
            return new Verdict("counters unavailable (" + s.read().unavailable() + ")", false);
        }
        Map<String, Long> dropped = new LinkedHashMap<>();
        boolean anyCounted = false;
        for (CounterReport.TermRow r : rows) {
            if (r.action().equals("accept") || r.packets() == null) {
                continue;
            }
            anyCounted = true;
            long n = window == null ? r.packets() : r.delta();
            dropped.merge(service(r.term()), n, Long::sum);
        }
        String unconfirmed = s.read().confirmed() ? "" : " (unconfirmed counter path)";
        if (!anyCounted) {
            return new Verdict(
                    "counters unavailable (the router keeps no counter for the drop terms)" + unconfirmed, false);
        }
        dropped.values().removeIf(n -> n == 0);
        if (dropped.isEmpty()) {
            return new Verdict("no drops observed" + unconfirmed, false);
        }
        NumberFormat nf = NumberFormat.getIntegerInstance(Locale.US);
        List<String> parts = dropped.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> nf.format(e.getValue()) + " " + e.getKey())
                .toList();
        String list = parts.size() == 1
                ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        String when = window == null ? " since the filters were installed" : " in the last " + human(window);
        return new Verdict("enforcing: " + list + " probes dropped" + when + unconfirmed, true);
    }

    /** {@code deny-smtp} → SMTP; other names as they are. */
    static String service(String term) {
        String s = term.startsWith("deny-") ? term.substring(5) : term;
        return s.toUpperCase(Locale.ROOT);
    }

    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 90) {
            return s + "s";
        }
        if (s < 90 * 60) {
            return Math.round(s / 60.0) + "m";
        }
        if (s < 36 * 3600) {
            return Math.round(s / 3600.0) + "h";
        }
        return Math.round(s / 86400.0) + "d";
    }
}
