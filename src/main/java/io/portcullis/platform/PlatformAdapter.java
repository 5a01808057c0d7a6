package io.portcullis.platform;

import io.portcullis.intent.FilterIntent;

/**
 * One router platform: how the IR becomes that platform's NETCONF {@code <config>} payload and how
 * a payload or a get-config reply becomes IR again. Each implementation lives in its own package
 * ({@code platform.junos}, …) with a Renderer, a Reader (JAXB) and its facts; platforms never
 * import each other.
 */
public interface PlatformAdapter {

    /** Inventory spelling: junos, iosxr, sros, vrp, openconfig, ietf. */
    String id();

    PlatformFacts facts();

    /**
     * The NETCONF {@code <config>} element (with the base:1.0 namespace) that makes the device hold
     * exactly the intent's owned filters (each replaced whole, so stray terms go) and bindings,
     * leaving every foreign node untouched.
     *
     * @throws UnsupportedFeatureException naming feature, term and platform when the IR uses
     *                                     something the platform cannot express
     */
    String renderConfig(FilterIntent intent);

    /** A native-CLI-like text view of the same configuration, for humans and merge requests. */
    String renderText(FilterIntent intent);

    /** {@code <config>} that deletes these owned filters and their bindings (nothing else). */
    String renderRemoval(FilterIntent owned);

    /**
     * The children of a get-config {@code <filter type="subtree">} selecting the managed subtree
     * (all filters of the platform's ACL tree plus the attach points of this intent), so a reader
     * sees owned filters, foreign ones bound at our attach points, and nothing unrelated.
     */
    String managedSubtreeFilter(FilterIntent intent);

    /**
     * Reads a {@code <config>} payload or a get-config {@code <data>} reply (any prefixes, extra
     * namespaces, defaults present or not) into IR. Only owned filters and bindings at owned filters
     * are in {@link ReadResult#intent()}; foreign filters bound at attach points are reported apart.
     *
     * @throws ReadException with a clear message when the XML is not what this platform returns
     */
    ReadResult read(String device, String xml);

    /**
     * The intent as this platform can hold it: annotations its model has no place for (e.g. IETF
     * RFC 8519 has no description or counter-name leaves) are dropped, nothing that decides a
     * packet's fate changes. {@code read(d, renderConfig(i)).intent()} equals {@code normalize(i)};
     * compare a read-back against {@code normalize(intent)} in plan/drift.
     */
    default io.portcullis.intent.FilterIntent normalize(io.portcullis.intent.FilterIntent intent) {
        return intent;
    }

    /** How this platform chains with a foreign filter bound at an attach point; empty when it cannot. */
    default java.util.Optional<Chaining> chaining() {
        return java.util.Optional.empty();
    }
}
