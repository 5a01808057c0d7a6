package io.portcullis.intent;

import java.util.List;

/**
 * What the policy promises for one device, independent of any platform: the flows that must be
 * dropped, and the attach points at which the promise must hold. Everything else must be
 * forwarded. The verifier checks a {@link FilterIntent} (compiled, rendered-and-read-back, or read
 * from a router) against this.
 */
public record Promise(List<BlockedFlow> blocked, List<AttachPoint> attachPoints, List<AddressFamily> families) {
    public Promise {
        blocked = List.copyOf(blocked);
        attachPoints = List.copyOf(attachPoints);
        families = List.copyOf(families);
    }
}
