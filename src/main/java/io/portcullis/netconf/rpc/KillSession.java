package io.portcullis.netconf.rpc;

import java.util.List;

/**
 * {@code <kill-session>}: dangerous and usually NACM-denied; killing a session with a pending non-persistent
 * confirmed commit rolls that commit back. Callers must have explicit policy permission.
 */
public record KillSession(long sessionId) implements NetconfRpc {
    public KillSession {
        if (sessionId < 1 || sessionId > 4294967295L) {
            throw new IllegalArgumentException("session-id must be 1..4294967295");
        }
    }

    @Override
    public String name() {
        return "kill-session";
    }

    @Override
    public List<String> requiredCapabilities() {
        return List.of();
    }

    @Override
    public String toXml() {
        return "<kill-session><session-id>" + sessionId + "</session-id></kill-session>";
    }
}
