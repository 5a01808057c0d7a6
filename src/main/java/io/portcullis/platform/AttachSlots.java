package io.portcullis.platform;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;

/**
 * The one rule every platform shares about bindings: an attach point holds at most one filter per
 * address family and direction (Junos {@code filter input|output}, XR {@code ingress|egress}
 * access-group, an SR OS sla-profile's ip-filter/ipv6-filter). Written once here instead of once per
 * renderer and once per caller that matches a foreign binding against ours. Each renderer still words
 * its refusal in its own terms (input/output, ingress/egress, sla-profile) as the golden messages expect.
 */
public final class AttachSlots {
    /** Slots per attach point: IPv4 from/to subscriber, IPv6 from/to subscriber. */
    public static final int SIZE = 4;

    private AttachSlots() {}

    /** 0 IPv4 from subscriber, 1 IPv4 to subscriber, 2 IPv6 from subscriber, 3 IPv6 to subscriber. */
    public static int index(Binding b) {
        return (b.family() == AddressFamily.IPV4 ? 0 : 2) + (b.direction() == Direction.FROM_SUBSCRIBER ? 0 : 1);
    }

    /** True when both bindings sit at the same attach point (kind and name), family and direction. */
    public static boolean sameSlot(Binding a, Binding b) {
        return a.sameSlot(b);
    }
}
