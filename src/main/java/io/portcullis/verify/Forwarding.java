package io.portcullis.verify;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.Direction;
import io.portcullis.intent.FilterIntent;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one intent does to single packets, by exactly the semantics the proof uses ({@link Chain}:
 * every filter bound at the point, family and direction must forward). Anything outside this
 * package that asks "is this packet forwarded?" asks here ({@link Verifier#evaluate}, the lab's traffic);
 * the plan's and drift's fate delta asks {@link FateDelta}, which uses the same {@link Chain} over the
 * proof's packet classes. Filters are compiled once per instance; not thread-safe.
 */
public final class Forwarding {
    private final FilterIntent intent;
    private final Map<String, CompiledFilter> compiled;
    private final Map<List<Object>, Chain> chains = new HashMap<>();

    private Forwarding(FilterIntent intent) {
        this.intent = intent;
        this.compiled = Verifier.compile(intent);
    }

    public static Forwarding of(FilterIntent intent) {
        return new Forwarding(intent);
    }

    /** The verdict for one packet; ports are -1 for protocols without ports. */
    public Verdict verdict(Packet p) {
        return chain(p.attachPoint(), p.family(), p.direction())
                .verdict(
                        p.protocol().number(),
                        p.sourcePort(),
                        p.destinationPort(),
                        p.sourceAddress(),
                        p.destinationAddress());
    }

    /** True when every filter bound at {@code point} for the family and direction forwards the packet. */
    public boolean forwards(
            AttachPoint point,
            AddressFamily family,
            Direction direction,
            int protocol,
            int sourcePort,
            int destinationPort,
            BigInteger source,
            BigInteger destination) {
        return chain(point, family, direction).forwards(protocol, sourcePort, destinationPort, source, destination);
    }

    private Chain chain(AttachPoint point, AddressFamily family, Direction direction) {
        return chains.computeIfAbsent(
                List.of(point, family, direction),
                k -> new Chain(Chain.boundNames(intent, point, family, direction), compiled));
    }
}
