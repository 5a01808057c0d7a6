package io.portcullis.recording;

import io.portcullis.diff.FateChange;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunningImage;
import io.portcullis.store.RouterRecord;
import java.time.Instant;
import java.util.List;

/** One router's part of a run as the history keeps it, from an apply's outcome or a plan (drift run) result. */
public final class RouterRecords {
    private RouterRecords() {}

    /**
     * An apply's (or remediation's) router: its final state and reason, the changes and packet-fate delta, the
     * running-config digests before and after and the pre-image; the message only when it failed.
     */
    public static RouterRecord outcome(RouterOutcome o) {
        RunningImage i = o.image() == null ? new RunningImage(null, null, null) : o.image();
        return new RouterRecord(
                o.router(),
                o.platform(),
                o.state().name(),
                o.reason(),
                o.changes(),
                o.impact(),
                i.digestBefore(),
                i.digestAfter(),
                i.preImage(),
                o.state().success() ? null : o.message(),
                o.millis(),
                Instant.now());
    }

    /**
     * A plan's router (IN_SYNC, CHANGES, ERROR) with the state digest it read. {@code drift}: seen from the router's
     * side, as {@code portcullis drift} reports it (what the router has that the policy does not, and how packets fare
     * now compared with the policy); else as a plan (what applying would change).
     */
    public static RouterRecord plan(RouterPlan p, boolean drift) {
        List<String> changes = p.changes().diff().changes().stream()
                .map(c -> drift ? c.reversed().describe() : c.describe())
                .toList();
        List<FateChange> fates =
                drift ? p.changes().reverseFates() : p.changes().fates();
        return new RouterRecord(
                p.router(),
                p.platform(),
                p.status().name(),
                p.errorKind(),
                changes,
                fates.stream().map(FateChange::describe).toList(),
                p.stateDigest(),
                null,
                null,
                p.error(),
                0,
                Instant.now());
    }
}
