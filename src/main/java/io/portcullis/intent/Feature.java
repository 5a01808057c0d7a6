package io.portcullis.intent;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one vocabulary for what a platform can express. Each platform declares the set it supports
 * ({@code platform.<p>.<P>Facts.FEATURES}); renderers refuse an IR that needs a feature outside it,
 * the verifier excuses exactly the packets a missing feature touches ({@code verify.PlatformLimitation}),
 * validate warns about it, and docs/platforms.md shows the table generated from the sets. It lives in
 * {@code intent} because both {@code platform} and {@code verify} (which imports {@code intent} only) read it.
 *
 * <p>A {@link #limit() limit} is not a yes/no capability but a family of value limits every platform has in
 * its own spelling (name lengths, description characters, sequence ranges): it is in every set, and a
 * refusal names it so the message and the docs group the same way.
 */
public enum Feature {
    /** filters IPv4 packets */
    IPV4("IPv4 filters", false),
    /** filters IPv6 packets */
    IPV6("IPv6 filters", false),
    /** binds filters to static (sub)interfaces */
    INTERFACE_BINDINGS("bindings to static interfaces", false),
    /** binds filters to BNG subscriber templates (dynamic-profile, dynamic-template, sla-profile, UCL) */
    PROFILE_BINDINGS("bindings to subscriber profiles", false),
    /** filters from subscribers (ingress on the access side) */
    FROM_SUBSCRIBER("filters from subscribers", false),
    /** a destination-port range in one term */
    PORT_RANGES("port ranges", false),
    /** destination prefixes in a match (needed for exemptions) */
    EXEMPTIONS("destination-prefix exemptions", false),
    /** source-prefix matches */
    SOURCE_PREFIXES("source-prefix matches", false),
    /** source-port matches */
    SOURCE_PORTS("source-port matches", false),
    /** one port match that matches source OR destination (Junos/SR OS {@code port}) */
    EITHER_PORTS("source-or-destination port matches", false),
    /** the reject action (drop and answer ICMP) */
    REJECT("the reject action", false),
    /** logging of IPv4 matches */
    LOGGING("logging", false),
    /** logging of IPv6 matches */
    LOGGING_IPV6("logging in IPv6 filters", false),
    /** a filter whose default action differs from the platform's implicit end of filter */
    DEFAULT_ACTION("a default action other than the implicit one", false),
    /** combines with a foreign filter already bound where the policy binds (filter list / embedded filter) */
    CHAINING("chaining with a foreign filter", false),
    /** limit: names of filters, terms and counters (length, characters) */
    NAMES("names (length and characters)", true),
    /** limit: descriptions (length, characters) */
    DESCRIPTIONS("descriptions (length and characters)", true),
    /** limit: term sequence numbers and how many device entries one term may need */
    SEQUENCES("sequence numbers and entries per term", true),
    /** limit: protocol numbers the model can spell, ports only with TCP/UDP */
    PROTOCOLS("protocol numbers", true),
    /** limit: a prefix of the other family inside a filter */
    PREFIX_FAMILY("prefixes of the filter's own family only", true),
    /** limit: one filter per attach point, family and direction */
    ONE_FILTER_PER_SLOT("one filter per attach point, family and direction", true);

    private final String label;
    private final boolean limit;

    Feature(String label, boolean limit) {
        this.label = label;
        this.limit = limit;
    }

    /** Human words for messages and the docs table. */
    public String label() {
        return label;
    }

    /** True for a value-limit family every platform has (always in a platform's set). */
    public boolean limit() {
        return limit;
    }

    /** Accepts {@code ipv6}, {@code port-ranges}, {@code EXEMPTIONS}, … */
    public static Feature parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Feature f : values()) {
            if (f.name().equals(t)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown feature '" + text + "' (expected one of "
                + Arrays.stream(values()).map(Feature::id).collect(Collectors.joining(", ")) + ")");
    }

    /** Lower-case, dash-separated spelling: {@code port-ranges}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
