package io.portcullis.platform.sros;

import java.util.List;

/** The data the SR OS Qute templates render, spelled the nokia-conf way. */
public final class SrosView {
    private SrosView() {}

    public record Config(
            List<PortList> portLists,
            List<PrefixList> ipv4PrefixLists,
            List<PrefixList> ipv6PrefixLists,
            List<FilterView> ipFilters,
            List<FilterView> ipv6Filters,
            List<Sla> slaProfiles,
            List<Embed> embeds,
            List<String> cli) {
        public boolean hasFilter() {
            return !ipFilters.isEmpty() || !ipv6Filters.isEmpty() || !embeds.isEmpty();
        }

        public boolean hasMatchLists() {
            return !portLists.isEmpty() || !ipv4PrefixLists.isEmpty() || !ipv6PrefixLists.isEmpty();
        }
    }

    public record PortList(String name, List<Integer> ports, List<Range> ranges) {}

    public record Range(int start, int end) {}

    public record PrefixList(String name, List<String> prefixes) {}

    /** @param defaultAction null for an embedded filter (it has no default of its own) */
    public record FilterView(
            String name, String description, String scope, String defaultAction, List<EntryView> entries) {}

    /** {@code <kind>[host]/embed/filter[name offset]}: an owned embedded filter inserted into a foreign host filter. */
    public record Embed(String kind, String host, String name, long offset) {}

    /** @param protocolLeaf protocol (ip-filter) or next-header (ipv6-filter); null fields are left out */
    public record EntryView(
            int id,
            String description,
            String protocolLeaf,
            String protocol,
            Ip dstIp,
            Ip srcIp,
            PortMatch srcPort,
            PortMatch dstPort,
            PortMatch eitherPort,
            boolean log,
            String action) {
        public boolean hasMatch() {
            return protocol != null
                    || dstIp != null
                    || srcIp != null
                    || srcPort != null
                    || dstPort != null
                    || eitherPort != null;
        }
    }

    /** An address/prefix, or a prefix list ({@code listLeaf} = ip-prefix-list | ipv6-prefix-list). */
    public record Ip(String address, String listLeaf, String list) {}

    /** eq, range or a port-list reference: exactly one is set. */
    public record PortMatch(Integer eq, Range range, String portList) {
        String cli() {
            return eq != null
                    ? "eq " + eq
                    : range != null
                            ? "range start " + range.start() + " end " + range.end()
                            : "port-list \"" + portList + "\"";
        }
    }

    public record Sla(String name, String ipIn, String ipOut, String ipv6In, String ipv6Out) {
        public boolean hasIngress() {
            return ipIn != null || ipv6In != null;
        }

        public boolean hasEgress() {
            return ipOut != null || ipv6Out != null;
        }
    }
}
