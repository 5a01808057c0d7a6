package io.portcullis.netconf.rpc;

import java.util.List;

/** {@code <get>}: running config plus state, optionally filtered. Data is in {@code RpcReply.data()}. */
public record Get(Filter filter) implements NetconfRpc {
    public static Get all() {
        return new Get(null);
    }

    @Override
    public String name() {
        return "get";
    }

    @Override
    public List<String> requiredCapabilities() {
        return filter == null ? List.of() : filter.requiredCapabilities();
    }

    @Override
    public String toXml() {
        return "<get>" + (filter == null ? "" : filter.toXml()) + "</get>";
    }
}
