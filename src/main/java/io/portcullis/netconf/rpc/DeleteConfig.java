package io.portcullis.netconf.rpc;

import java.util.List;

/** {@code <delete-config>}; running cannot be deleted (RFC 6241 §7.4), so only startup (or candidate) is allowed. */
public record DeleteConfig(Datastore target) implements NetconfRpc {
    public DeleteConfig {
        if (target == null || target == Datastore.RUNNING) {
            throw new IllegalArgumentException("delete-config cannot target the running datastore");
        }
    }

    @Override
    public String name() {
        return "delete-config";
    }

    @Override
    public List<String> requiredCapabilities() {
        return target.existence();
    }

    @Override
    public String toXml() {
        return "<delete-config><target>" + target.element() + "</target></delete-config>";
    }
}
