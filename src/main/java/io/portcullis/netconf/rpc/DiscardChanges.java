package io.portcullis.netconf.rpc;

import java.util.List;

/** {@code <discard-changes>}: candidate := running. Only after the candidate lock is yours. */
public record DiscardChanges() implements NetconfRpc {
    @Override
    public String name() {
        return "discard-changes";
    }

    @Override
    public List<String> requiredCapabilities() {
        return List.of(":candidate");
    }

    @Override
    public String toXml() {
        return "<discard-changes/>";
    }
}
