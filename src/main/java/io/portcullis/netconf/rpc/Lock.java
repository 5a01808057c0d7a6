package io.portcullis.netconf.rpc;

import java.util.List;
import java.util.Objects;

/** {@code <lock>} of a whole datastore; refusal is lock-denied with the holder (see RpcError.lockHolder()). */
public record Lock(Datastore target) implements NetconfRpc {
    public Lock {
        Objects.requireNonNull(target, "target");
    }

    @Override
    public String name() {
        return "lock";
    }

    @Override
    public List<String> requiredCapabilities() {
        return target.existence();
    }

    @Override
    public String toXml() {
        return "<lock><target>" + target.element() + "</target></lock>";
    }
}
