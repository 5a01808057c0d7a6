package io.portcullis.engine.counters;

import io.portcullis.counters.TermCount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code portcullis-counters/1} document: per router, its verdict and every owned term's counters.
 * {@code packets}/{@code bytes} are counted since the filter was installed; {@code delta} is the packets since the
 * previous read when one is known (a counter lower than last time was reset: the delta is then its value).
 */
public record CounterReport(String format, List<RouterCounters> routers) {
    public static final String FORMAT = "portcullis-counters/1";

    /**
     * @param since     seconds covered by the deltas (null when there is no previous read)
     * @param confirmed false when the platform's counter path is not confirmed from published material
     */
    public record RouterCounters(
            String router,
            String platform,
            String verdict,
            boolean enforcing,
            boolean confirmed,
            String unavailable,
            String source,
            String aggregation,
            Long since,
            List<TermRow> terms) {}

    /** One owned term: {@code packets} null when the platform keeps no counter for it ({@code note} says why). */
    public record TermRow(
            String filter,
            String family,
            String term,
            String action,
            Long packets,
            Long bytes,
            Long delta,
            String note) {}

    public static CounterReport of(List<CounterSample> samples, CounterLedger ledger) {
        List<RouterCounters> out = new ArrayList<>();
        for (CounterSample s : samples) {
            CounterLedger.Previous prev = ledger.previous(s.router()).orElse(null);
            List<TermRow> rows = new ArrayList<>();
            for (TermCount t : s.read().terms()) {
                Long delta = null;
                if (prev != null && t.packets() != null) {
                    Long before = prev.packets().get(CounterLedger.key(t));
                    delta = before == null || t.packets() < before ? t.packets() : t.packets() - before;
                }
                rows.add(new TermRow(
                        t.filter(),
                        t.family().id(),
                        t.term(),
                        t.action().name().toLowerCase(java.util.Locale.ROOT),
                        t.packets(),
                        t.bytes(),
                        delta,
                        t.note()));
            }
            Duration window = prev == null ? null : Duration.between(prev.at(), s.at());
            Verdict v = Verdict.of(s, rows, window);
            out.add(new RouterCounters(
                    s.router(),
                    s.platform(),
                    v.text(),
                    v.enforcing(),
                    s.read().available() && s.read().confirmed(),
                    s.read().unavailable(),
                    s.source(),
                    s.read().aggregation(),
                    window == null ? null : window.toSeconds(),
                    rows));
        }
        return new CounterReport(FORMAT, out);
    }

    public Map<String, Object> json() {
        java.time.Instant now = java.time.Instant.now();
        return json(io.portcullis.engine.ToolVersion.current(), now, now);
    }

    /** The document with the common header (format, toolVersion, startedAt, finishedAt); fields only added, so still /1. */
    public Map<String, Object> json(String toolVersion, java.time.Instant startedAt, java.time.Instant finishedAt) {
        Map<String, Object> doc =
                io.portcullis.engine.report.Documents.header(format, toolVersion, startedAt, finishedAt);
        doc.put("routers", routers);
        return doc;
    }
}
