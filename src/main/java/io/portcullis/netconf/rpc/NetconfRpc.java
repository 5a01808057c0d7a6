package io.portcullis.netconf.rpc;

import java.util.List;

/**
 * One NETCONF operation: its name, the capabilities it needs (checked against the server hello before anything is
 * sent), and the XML of the operation element (the session wraps it in {@code <rpc message-id=..>}, whose default
 * namespace is the base:1.0 namespace). Ready-made operations live in {@code io.portcullis.netconf.rpc}.
 */
public interface NetconfRpc {
    /** The operation name, e.g. "get-config", for messages. */
    String name();

    /** Short capability names (":candidate", ":confirmed-commit:1.1") that must all be advertised. */
    List<String> requiredCapabilities();

    /** The operation element as XML. */
    String toXml();

    /** An arbitrary operation (vendor RPCs); the caller states what it needs. */
    static NetconfRpc raw(String name, String xml, String... requiredCapabilities) {
        List<String> caps = List.of(requiredCapabilities);
        return new NetconfRpc() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> requiredCapabilities() {
                return caps;
            }

            @Override
            public String toXml() {
                return xml;
            }
        };
    }
}
