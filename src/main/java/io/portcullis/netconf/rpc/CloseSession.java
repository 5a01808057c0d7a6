package io.portcullis.netconf.rpc;

import java.util.List;

/** {@code <close-session>}; prefer {@code NetconfSession.close()}, which also force-closes after a deadline. */
public record CloseSession() implements NetconfRpc {
    @Override
    public String name() {
        return "close-session";
    }

    @Override
    public List<String> requiredCapabilities() {
        return List.of();
    }

    @Override
    public String toXml() {
        return "<close-session/>";
    }
}
