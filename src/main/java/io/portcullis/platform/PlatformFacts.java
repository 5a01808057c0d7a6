package io.portcullis.platform;

import io.portcullis.intent.Action;

/**
 * What a platform can express and how it commits; the compiler and engine consult these instead
 * of hard-coding vendor names.
 *
 * @param implicitDefault      what the platform does with a packet no term matches
 * @param subscriberProfiles   binds to BNG subscriber templates (dynamic-profile, dynamic-template, sla-profile, UCL)
 * @param interfaces           binds to static interfaces
 * @param portRanges           can match a destination-port range in one term
 * @param destinationPrefixes  can match destination prefixes (needed for exemptions)
 * @param canChain             can combine with a foreign filter already bound (filter list / embedded filter)
 * @param namespaces           the XML namespaces of the managed subtree, for the diff and the lab
 */
public record PlatformFacts(String displayName, Action implicitDefault, boolean subscriberProfiles, boolean interfaces,
                            boolean portRanges, boolean destinationPrefixes, boolean canChain,
                            java.util.List<String> namespaces) {
}
