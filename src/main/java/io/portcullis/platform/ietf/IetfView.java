package io.portcullis.platform.ietf;

import java.util.List;

/** The data the IETF Qute templates (templates/ietf/) render: plain values, already spelled the RFC 8519 way. */
public final class IetfView {
    private IetfView() {}

    public record AclView(String name, String type, String l3, List<AceView> aces) {}

    /** One ace; {@code l4} is tcp/udp or null; a single port has {@code port}, a range lower/upper. */
    public record AceView(
            String name,
            String protocol,
            String networkLeaf,
            String network,
            String l4,
            String port,
            String lower,
            String upper,
            String forwarding,
            boolean log,
            String term) {
        public boolean hasL3() {
            return protocol != null || network != null;
        }
    }

    public record InterfaceView(String id, List<String> egress, List<String> ingress) {}
}
