package io.portcullis.netconf.rpc;

import java.util.List;
import java.util.Objects;

/** {@code <validate>} of a datastore (usually the candidate). */
public record Validate(Datastore source) implements NetconfRpc {
    public Validate {
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public List<String> requiredCapabilities() {
        return new Caps().add(":validate").add(source.existence()).list();
    }

    @Override
    public String toXml() {
        return "<validate><source>" + source.element() + "</source></validate>";
    }
}
