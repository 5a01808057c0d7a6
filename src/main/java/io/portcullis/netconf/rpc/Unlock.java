package io.portcullis.netconf.rpc;

import java.util.List;
import java.util.Objects;

/** {@code <unlock>}. */
public record Unlock(Datastore target) implements NetconfRpc {
    public Unlock {
        Objects.requireNonNull(target, "target");
    }

    @Override
    public String name() {
        return "unlock";
    }

    @Override
    public List<String> requiredCapabilities() {
        return target.existence();
    }

    @Override
    public String toXml() {
        return "<unlock><target>" + target.element() + "</target></unlock>";
    }
}
