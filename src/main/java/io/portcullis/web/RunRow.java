package io.portcullis.web;

import io.portcullis.store.HistoryRun;
import java.time.Instant;
import java.util.stream.Collectors;

/** One run in a table: who ran what, when, with which policy revision, and how its routers ended. */
public record RunRow(
        String id,
        String shortId,
        String href,
        String kind,
        String actor,
        String revision,
        String started,
        String startedIso,
        String finished,
        String outcome,
        String counts) {

    static RunRow of(HistoryRun r, Instant now) {
        String outcome = r.exitCode() == null
                ? (r.finishedAt() == null ? "running or died" : "unknown")
                : r.exitCode() == 0 ? "ok" : "exit " + r.exitCode();
        if (r.haltedBecause() != null) {
            outcome += " (halted: " + r.haltedBecause() + ")";
        }
        String counts = r.counts().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        if (r.routersUnchanged() != null && r.routersUnchanged() > 0) {
            // a scheduled check records only the routers that changed since their last recorded check
            counts = (counts.isEmpty() ? "" : counts + ", ") + r.routersUnchanged() + " unchanged of "
                    + r.routersChecked();
        }
        return new RunRow(
                r.id(),
                r.id().length() > 8 ? r.id().substring(0, 8) : r.id(),
                "/runs/" + r.id(),
                r.kind(),
                r.actor() == null ? "—" : r.actor(),
                revision(r),
                Ago.utc(r.startedAt()),
                Ago.iso(r.startedAt()),
                r.finishedAt() == null ? "—" : Ago.since(r.finishedAt(), now),
                outcome,
                counts.isEmpty() ? "—" : counts);
    }

    private static String revision(HistoryRun r) {
        if (r.policyRevision() != null) {
            return r.policyRevision().length() > 12 ? r.policyRevision().substring(0, 12) : r.policyRevision();
        }
        return r.policyDigest() == null
                ? "—"
                : "digest "
                        + r.policyDigest()
                                .substring(0, Math.min(19, r.policyDigest().length()));
    }
}
