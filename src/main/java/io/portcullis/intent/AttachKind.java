package io.portcullis.intent;

/**
 * Where a filter binds. PROFILE is the BNG per-subscriber template: Junos dynamic-profile,
 * IOS-XR dynamic-template, SR OS sla-profile, Huawei user-group (UCL).
 */
public enum AttachKind {
    INTERFACE,
    PROFILE,
    /**
     * Chained into a foreign filter instead of bound (SR OS {@code embed/filter}): the point names the
     * host filter and the offset, "HOST offset N" (see {@code platform.sros.SrosEmbed}); the host is
     * bound by its owner. Only platform chaining produces it, never the compiler.
     */
    EMBED
}
