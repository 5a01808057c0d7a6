package io.portcullis.lab.device;

import io.portcullis.lab.datastore.DataError;
import java.util.Map;

/** lock-denied replies in the shapes real devices use (semantics-and-tests A.3, D.2 #18). */
final class LockDenied {
    private LockDenied() {}

    static DataError of(LockHolder h) {
        return switch (h.shape()) {
            case NUMERIC ->
                denied(
                        "Lock failed, lock is already held by session " + h.sessionId(),
                        Map.of("session-id", String.valueOf(h.sessionId())));
            case ZERO ->
                denied(
                        "Lock failed, lock is held by a non-NETCONF user (" + h.username() + ")",
                        Map.of("session-id", "0"));
            case TEXT ->
                denied(
                        "Lock failed",
                        Map.of("session-id", "session is locked by " + (h.sessionId() == 0 ? 12969 : h.sessionId())));
            case JUNOS_MESSAGE ->
                denied(
                        "configuration database locked by:\n  " + h.username()
                                + " terminal pts/0 (pid 4242) on since 2026-11-28 09:14:07 UTC\n      exclusive [edit]",
                        Map.of());
        };
    }

    private static DataError denied(String message, Map<String, String> info) {
        return new DataError("protocol", "lock-denied", "error", null, null, message, info);
    }
}
