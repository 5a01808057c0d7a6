package io.portcullis.netconf.rpc;

import java.util.List;
import java.util.Objects;

/** {@code <get-config>} of a datastore, optionally filtered (subtree, or xpath with :xpath). */
public record GetConfig(Datastore source, Filter filter) implements NetconfRpc {
    public GetConfig {
        Objects.requireNonNull(source, "source");
    }

    public static GetConfig of(Datastore source) {
        return new GetConfig(source, null);
    }

    @Override
    public String name() {
        return "get-config";
    }

    @Override
    public List<String> requiredCapabilities() {
        return new Caps()
                .add(source.existence())
                .add(filter == null ? List.of() : filter.requiredCapabilities())
                .list();
    }

    @Override
    public String toXml() {
        return "<get-config><source>" + source.element() + "</source>" + (filter == null ? "" : filter.toXml())
                + "</get-config>";
    }
}
