package io.portcullis.verify;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A declared reason why one platform may classify some packets differently from the others,
 * e.g. {@code new PlatformLimitation("vrp", Feature.EXEMPTIONS, "UCL cannot match destination prefixes")}.
 * The platform is left out of the comparison for exactly the packets the feature touches.
 */
public record PlatformLimitation(String platform, Feature feature, String reason) {

    public enum Feature {
        /** the platform does not filter IPv4 (packets of that family are not compared for it) */
        IPV4,
        /** the platform does not filter IPv6 */
        IPV6,
        /** destination-prefix exemptions: packets whose destination lies in any prefix any filter mentions */
        EXEMPTIONS,
        /** port ranges: packets whose source or destination port lies inside a multi-port range anyone uses */
        PORT_RANGES,
        /** filters from subscribers (ingress on the access side) */
        FROM_SUBSCRIBER;

        /** Accepts {@code ipv6}, {@code port-ranges}, {@code EXEMPTIONS}, … */
        public static Feature parse(String text) {
            String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Feature f : values()) {
                if (f.name().equals(t)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown platform limitation '" + text + "' (expected one of "
                    + Arrays.stream(values()).map(Feature::id).collect(Collectors.joining(", ")) + ")");
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
