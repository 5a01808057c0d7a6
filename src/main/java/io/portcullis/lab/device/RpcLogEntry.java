package io.portcullis.lab.device;

import java.time.Instant;

/**
 * One RPC a simulated device received (or one out-of-band action, with session 0).
 *
 * @param operation local name of the RPC's operation element (edit-config, commit…) or "cli-edit"/"cli-lock"
 * @param target    target or source datastore named by the RPC (running, candidate, startup), or null
 * @param payload   the RPC as received (XML text)
 */
public record RpcLogEntry(
        Instant timestamp,
        int sessionId,
        String username,
        String messageId,
        String operation,
        String target,
        String payload) {
    /** Operations that change something on the device: what "this router was touched" means. */
    public boolean isWrite() {
        return switch (operation) {
            case "lock",
                    "unlock",
                    "edit-config",
                    "copy-config",
                    "delete-config",
                    "commit",
                    "cancel-commit",
                    "discard-changes",
                    "kill-session",
                    "cli-edit",
                    "cli-lock" -> true;
            default -> false;
        };
    }
}
