package io.portcullis.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One router's page: where it stands, the current drift with its packet-fate impact ("TCP/2525 toward subscribers
 * (ipv4): dropped → forwarded") and who changed it, the vendor-native diff that would restore the policy, the
 * counters' verdict and drop chart, and its runs from the history database.
 */
public record RouterPage(
        String router,
        String platform,
        String groups,
        String state,
        String stateText,
        String stateSymbol,
        String revision,
        String revisionNote,
        String lastCheck,
        String lastCheckIso,
        String trigger,
        String error,
        List<String> impact,
        List<String> changes,
        String changedBy,
        String driftSince,
        String diff,
        String verdict,
        String hint,
        String chart,
        List<ChartRow> chartRows,
        List<RunRow> runs,
        String runsNote,
        QuarantineNotice quarantine,
        String quarantineError) {

    /**
     * Why apply skips this router until someone releases it (issue 13 item 3), or null when it does not.
     *
     * @param recordedAs the inventory name the quarantine was recorded under (another name of the same address, or this one)
     * @param runHref    the run's page, or null when run history is off
     */
    public record QuarantineNotice(
            String recordedAs,
            String since,
            String sinceIso,
            String sinceAgo,
            String runId,
            String runHref,
            String actor,
            String state,
            String reason,
            String release) {}

    /** The chart's numbers as a table too (screen readers, copy and paste). */
    public record ChartRow(String interval, String series) {}

    static String href(String router) {
        return "/routers/" + URLEncoder.encode(router, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public boolean drifted() {
        return !impact.isEmpty() || !changes.isEmpty();
    }
}
