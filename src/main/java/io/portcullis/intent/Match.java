package io.portcullis.intent;

import java.util.List;

/**
 * The packet conditions of one term; every list is OR-ed inside, the fields are AND-ed.
 * An empty list means "any".
 *
 * <p>{@code eitherPorts} exists so that a device's "port" match (Junos {@code port}, SR OS
 * {@code port}: source OR destination) read back from a router is represented faithfully and the
 * verifier can show why it is wrong. The compiler never produces it.
 */
public record Match(
        Protocol protocol,
        List<PortRange> destinationPorts,
        List<PortRange> sourcePorts,
        List<PortRange> eitherPorts,
        List<IpPrefix> destinationPrefixes,
        List<IpPrefix> sourcePrefixes) {

    public static final Match ANY = new Match(Protocol.ANY, List.of(), List.of(), List.of(), List.of(), List.of());

    public Match {
        destinationPorts = List.copyOf(destinationPorts);
        sourcePorts = List.copyOf(sourcePorts);
        eitherPorts = List.copyOf(eitherPorts);
        destinationPrefixes = List.copyOf(destinationPrefixes);
        sourcePrefixes = List.copyOf(sourcePrefixes);
    }

    public static Match destinationPorts(Protocol protocol, List<PortRange> ports) {
        return new Match(protocol, ports, List.of(), List.of(), List.of(), List.of());
    }

    public Match withDestinationPrefixes(List<IpPrefix> prefixes) {
        return new Match(protocol, destinationPorts, sourcePorts, eitherPorts, prefixes, sourcePrefixes);
    }

    public boolean isMatchAll() {
        return protocol.isAny()
                && destinationPorts.isEmpty()
                && sourcePorts.isEmpty()
                && eitherPorts.isEmpty()
                && destinationPrefixes.isEmpty()
                && sourcePrefixes.isEmpty();
    }

    public boolean hasPortConditions() {
        return !destinationPorts.isEmpty() || !sourcePorts.isEmpty() || !eitherPorts.isEmpty();
    }
}
