package io.portcullis.platform.ietf;

import static io.portcullis.intent.Feature.EXEMPTIONS;
import static io.portcullis.intent.Feature.FROM_SUBSCRIBER;
import static io.portcullis.intent.Feature.INTERFACE_BINDINGS;
import static io.portcullis.intent.Feature.IPV4;
import static io.portcullis.intent.Feature.IPV6;
import static io.portcullis.intent.Feature.LOGGING;
import static io.portcullis.intent.Feature.LOGGING_IPV6;
import static io.portcullis.intent.Feature.PORT_RANGES;
import static io.portcullis.intent.Feature.REJECT;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Feature;
import io.portcullis.platform.PlatformFacts;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * RFC 8519 ietf-access-control-list facts (vendor reference section 6). The end of an ACL is
 * implementation-defined: assumed DISCARD, a final accept is always written. No subscriber
 * templates. An ace matches one destination port (or range) and one prefix, so a term becomes
 * consecutive aces {@code name}, {@code name#2}, …; the model has no description, counter-name or
 * sequence-number leaves, so those IR annotations are not kept (see {@link IetfAdapter#normalize}).
 */
public final class IetfFacts {
    public static final String PLATFORM = "ietf";
    public static final String NS_ACL = "urn:ietf:params:xml:ns:yang:ietf-access-control-list";
    /** What this platform can express (docs/platforms.md shows the table generated from these sets). */
    public static final Set<Feature> FEATURES = Collections.unmodifiableSet(EnumSet.of(
            IPV4, IPV6, INTERFACE_BINDINGS, FROM_SUBSCRIBER, PORT_RANGES, EXEMPTIONS, REJECT, LOGGING, LOGGING_IPV6));

    public static final PlatformFacts FACTS =
            new PlatformFacts("IETF ACL (RFC 8519)", Action.DISCARD, FEATURES, List.of(NS_ACL));
    /** Separator of the split-ace suffix ({@code deny-smtp#2}). */
    static final String SPLIT = "#";

    private IetfFacts() {}

    static String aclType(AddressFamily family) {
        return family == AddressFamily.IPV4 ? "ipv4-acl-type" : "ipv6-acl-type";
    }

    static AddressFamily family(String aclType) {
        return switch (aclType) {
            case "ipv4-acl-type" -> AddressFamily.IPV4;
            case "ipv6-acl-type" -> AddressFamily.IPV6;
            default -> null;
        };
    }
}
