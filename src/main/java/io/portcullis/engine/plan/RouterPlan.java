package io.portcullis.engine.plan;

import io.portcullis.diff.ChangeSet;
import io.portcullis.engine.targets.Target;
import java.util.List;

/**
 * What plan (or drift) found for one router.
 *
 * @param intentDigest digest of what the policy compiles to for this router
 * @param stateDigest  digest of the managed subtree as read (null when it could not be read)
 * @param warnings     e.g. a foreign filter bound at an attach point (apply would refuse)
 * @param errorKind    for ERROR: unreachable (refused/timeout/auth/host key), unreadable, …
 */
public record RouterPlan(
        String router,
        String platform,
        Status status,
        ChangeSet changes,
        String intentDigest,
        String stateDigest,
        List<String> warnings,
        String errorKind,
        String error) {
    public enum Status {
        IN_SYNC,
        CHANGES,
        ERROR
    }

    public RouterPlan {
        warnings = List.copyOf(warnings);
    }

    static RouterPlan error(Target t, String kind, String message) {
        return new RouterPlan(
                t.name(), t.device().platform(), Status.ERROR, ChangeSet.none(), null, null, List.of(), kind, message);
    }
}
