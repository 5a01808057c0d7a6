package io.portcullis.platform.iosxr;

import java.util.List;

/** The data the IOS-XR Qute templates render, spelled the XR way; {@code cli} is the CLI line of an entry. */
public final class IosXrView {
    private IosXrView() {}

    public record Config(List<Acl> ipv4, List<Acl> ipv6, List<Attach> interfaces, List<Attach> templates) {}

    public record Acl(String name, List<Entry> entries) {}

    /** One access-list-entry: a remark (remark set, grant null) or a rule. Null fields are left out. */
    public record Entry(
            long sequence,
            String remark,
            String grant,
            String protocol,
            String sourceAddress,
            Integer sourceLength,
            String destinationAddress,
            Integer destinationLength,
            String sourceOperator,
            Integer sourceFirst,
            Integer sourceSecond,
            String destinationOperator,
            Integer destinationFirst,
            Integer destinationSecond,
            String counter,
            boolean log,
            String cli) {
        public boolean isRemark() {
            return remark != null;
        }
    }

    /** Filters at an interface or subscriber template: names per family and direction (null = none). */
    public record Attach(String name, String ipv4In, String ipv4Out, String ipv6In, String ipv6Out) {
        public boolean hasIpv4() {
            return ipv4In != null || ipv4Out != null;
        }

        public boolean hasIpv6() {
            return ipv6In != null || ipv6Out != null;
        }
    }
}
