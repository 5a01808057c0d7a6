package io.portcullis.platform.openconfig;

import java.util.List;

/** The data the OpenConfig Qute templates (templates/openconfig/) render: plain values, already spelled the openconfig-acl way. */
public final class OpenConfigView {
    private OpenConfigView() {}

    /** One acl-set. {@code type} is the bare identity name; the template adds the prefix. */
    public record SetView(String name, String type, String l3, String description, List<EntryView> entries) {}

    /** One acl-entry; {@code protocol} is already a prefixed identity or a number. */
    public record EntryView(
            long seq,
            String description,
            String protocol,
            String destinationAddress,
            String destinationPort,
            String action,
            boolean log,
            String term,
            String counter,
            String text) {
        public boolean hasL3() {
            return protocol != null || destinationAddress != null;
        }

        /** For the text view: tcp/udp/number rather than the prefixed identity. */
        public String protocolLabel() {
            return protocol == null
                    ? null
                    : protocol.equals("oc-pkt-match-types:IP_TCP")
                            ? "tcp"
                            : protocol.equals("oc-pkt-match-types:IP_UDP") ? "udp" : protocol;
        }
    }

    public record SetRef(String name, String type) {}

    public record InterfaceView(
            String id, String iface, String subinterface, List<SetRef> egress, List<SetRef> ingress) {}
}
