package io.portcullis.engine.drift;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.portcullis.diff.Change;
import io.portcullis.diff.ChangeItem;
import io.portcullis.diff.FateChange;
import io.portcullis.diff.FateItem;
import io.portcullis.engine.plan.RouterPlan;
import java.util.List;

/**
 * One router's drift, from the router's side: {@code changes} say what the router has that the
 * policy does not ("filter missing" = the router lacks it), {@code impact} how packets are treated
 * now compared with the policy ("TCP/587 toward subscribers (ipv4): dropped → forwarded").
 */
public record DriftEntry(
        String router,
        String platform,
        String status,
        String fingerprint,
        List<String> changes,
        List<String> impact,
        String diff,
        String errorKind,
        String error,
        @JsonIgnore List<ChangeItem> changeItems,
        @JsonIgnore List<FateItem> impactItems) {

    public DriftEntry {
        changeItems = changeItems == null ? List.of() : List.copyOf(changeItems);
        impactItems = impactItems == null ? List.of() : List.copyOf(impactItems);
    }

    public DriftEntry(
            String router,
            String platform,
            String status,
            String fingerprint,
            List<String> changes,
            List<String> impact,
            String diff,
            String errorKind,
            String error) {
        this(router, platform, status, fingerprint, changes, impact, diff, errorKind, error, List.of(), List.of());
    }

    /** In line with the revision applied to it, and a newer revision is waiting to be applied. */
    public static DriftEntry pending(RouterPlan p) {
        return new DriftEntry(p.router(), p.platform(), "pending", null, List.of(), List.of(), null, null, null);
    }

    public static DriftEntry of(RouterPlan p) {
        return switch (p.status()) {
            case IN_SYNC ->
                new DriftEntry(p.router(), p.platform(), "in-sync", null, List.of(), List.of(), null, null, null);
            case ERROR ->
                new DriftEntry(
                        p.router(), p.platform(), "error", null, List.of(), List.of(), null, p.errorKind(), p.error());
            case CHANGES ->
                new DriftEntry(
                        p.router(),
                        p.platform(),
                        "drift",
                        p.changes().diff().fingerprint(),
                        p.changes().diff().changes().stream()
                                .map(Change::describe)
                                .toList(),
                        p.changes().reverseFates().stream()
                                .map(FateChange::describe)
                                .toList(),
                        p.changes().reverseText(),
                        null,
                        null,
                        p.changes().diff().changes().stream()
                                .map(Change::driftItem)
                                .toList(),
                        p.changes().reverseFates().stream()
                                .map(FateChange::item)
                                .toList());
        };
    }
}
