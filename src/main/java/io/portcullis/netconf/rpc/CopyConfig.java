package io.portcullis.netconf.rpc;

import java.util.List;
import java.util.Objects;

/** {@code <copy-config>} between datastores, e.g. running → startup so a change survives a reboot. */
public record CopyConfig(Datastore source, Datastore target) implements NetconfRpc {
    public CopyConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (source == target) {
            throw new IllegalArgumentException("copy-config source and target must differ");
        }
    }

    @Override
    public String name() {
        return "copy-config";
    }

    @Override
    public List<String> requiredCapabilities() {
        return new Caps().add(source.existence()).add(target.writable()).list();
    }

    @Override
    public String toXml() {
        return "<copy-config><target>" + target.element() + "</target><source>" + source.element()
                + "</source></copy-config>";
    }
}
