package io.portcullis.intent;

import java.util.List;

/**
 * One obligation of the promise: packets of this protocol to one of these destination ports,
 * in this family and direction, must be dropped, unless the destination is in an exempt prefix.
 *
 * @param service name of the policy service this came from (for messages)
 */
public record BlockedFlow(
        String service,
        Protocol protocol,
        List<PortRange> destinationPorts,
        AddressFamily family,
        Direction direction,
        List<IpPrefix> exemptDestinations) {
    public BlockedFlow {
        destinationPorts = List.copyOf(destinationPorts);
        exemptDestinations = List.copyOf(exemptDestinations);
    }
}
