package io.portcullis.compile;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.BlockedFlow;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Promise;
import io.portcullis.policy.PublishedPromise;
import java.util.ArrayList;
import java.util.List;

/**
 * The published promise as the verifier's {@link Promise} for one device: its blocks at the device's attach points,
 * with the policy's exemptions — and only those, only where the policy blocks the same protocol, port, family and
 * direction (the exemptions' size is bounded by {@code ExemptionWidth} at load time). Everything the promise does
 * not list must be forwarded, so a policy that blocks less (a port, a family, TCP turned into UDP) or more than the
 * promise is disproved with a counterexample packet.
 */
public final class PublishedPromises {
    private PublishedPromises() {}

    public static Promise forDevice(PublishedPromise published, CompiledRouter compiled) {
        List<BlockedFlow> flows = new ArrayList<>();
        for (PublishedPromise.Block b : published.blocked()) {
            for (AddressFamily family : b.families()) {
                List<PortRange> uncovered = new ArrayList<>(b.ports());
                for (BlockedFlow policy : compiled.promise().blocked()) {
                    if (!policy.protocol().equals(b.protocol())
                            || policy.family() != family
                            || policy.direction() != b.direction()
                            || policy.exemptDestinations().isEmpty()) {
                        continue;
                    }
                    List<PortRange> shared = intersect(b.ports(), policy.destinationPorts());
                    if (!shared.isEmpty()) {
                        flows.add(new BlockedFlow(
                                b.name(), b.protocol(), shared, family, b.direction(), exempt(policy, family)));
                        uncovered = subtract(uncovered, shared);
                    }
                }
                if (!uncovered.isEmpty()) {
                    flows.add(new BlockedFlow(b.name(), b.protocol(), uncovered, family, b.direction(), List.of()));
                }
            }
        }
        return new Promise(flows, compiled.promise().attachPoints(), published.families());
    }

    private static List<IpPrefix> exempt(BlockedFlow policy, AddressFamily family) {
        return policy.exemptDestinations().stream()
                .filter(p -> p.family() == family)
                .toList();
    }

    static List<PortRange> intersect(List<PortRange> a, List<PortRange> b) {
        List<PortRange> out = new ArrayList<>();
        for (PortRange x : a) {
            for (PortRange y : b) {
                if (x.overlaps(y)) {
                    out.add(new PortRange(Math.max(x.from(), y.from()), Math.min(x.to(), y.to())));
                }
            }
        }
        return out;
    }

    static List<PortRange> subtract(List<PortRange> from, List<PortRange> remove) {
        List<PortRange> out = new ArrayList<>(from);
        for (PortRange r : remove) {
            List<PortRange> next = new ArrayList<>();
            for (PortRange x : out) {
                if (!x.overlaps(r)) {
                    next.add(x);
                    continue;
                }
                if (x.from() < r.from()) {
                    next.add(new PortRange(x.from(), r.from() - 1));
                }
                if (x.to() > r.to()) {
                    next.add(new PortRange(r.to() + 1, x.to()));
                }
            }
            out = next;
        }
        return out;
    }
}
