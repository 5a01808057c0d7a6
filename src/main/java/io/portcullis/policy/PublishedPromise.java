package io.portcullis.policy;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Direction;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import java.util.List;

/**
 * The promise published to subscribers, kept in its own reviewed file next to the policy ({@code promise.yaml}):
 * what must be blocked, in which families and direction, and that nothing else is. The policy may implement it
 * any way it likes; {@code verify} proves every rendering against this as well as against the policy's own
 * promise, so a policy change that weakens the published promise fails unless this file changes with it.
 *
 * @param file             the file as given (for messages)
 * @param digest           {@code sha256:} of the file's bytes, printed so a reviewer sees which promise was proven
 * @param maxExemptionIpv4 the widest IPv4 exemption prefix the policy may carve out of it (a length, e.g. 24)
 * @param maxExemptionIpv6 the widest IPv6 exemption prefix (e.g. 48)
 */
public record PublishedPromise(
        String file, String digest, String name, List<Block> blocked, int maxExemptionIpv4, int maxExemptionIpv6) {

    /** Defaults when the promise file does not say (or there is none): an exemption covers at most a /24 or a /48. */
    public static final int DEFAULT_MAX_EXEMPTION_IPV4 = 24;

    public static final int DEFAULT_MAX_EXEMPTION_IPV6 = 48;

    public PublishedPromise {
        blocked = List.copyOf(blocked);
    }

    /** One promised block: this protocol to these destination ports, in these families, in this direction. */
    public record Block(
            String name, Protocol protocol, List<PortRange> ports, List<AddressFamily> families, Direction direction) {
        public Block {
            ports = List.copyOf(ports);
            families = List.copyOf(families);
        }
    }

    /** The widest exemption prefix length allowed for a family. */
    public int maxExemption(AddressFamily family) {
        return family == AddressFamily.IPV4 ? maxExemptionIpv4 : maxExemptionIpv6;
    }

    /** Every family any block names. */
    public List<AddressFamily> families() {
        return blocked.stream()
                .flatMap(b -> b.families().stream())
                .distinct()
                .sorted()
                .toList();
    }
}
