package io.portcullis.policy;

import java.util.List;

/**
 * The subscriber-protection policy as loaded from {@code policy/} and validated against
 * {@code yang/portcullis-policy@2026-11-28.yang}. Immutable; the compiler turns it into per-device IR.
 */
public record Policy(
        String name, String description, List<BlockedService> services, List<Exemption> exemptions, Scope scope)
        implements java.io.Serializable {
    public Policy {
        services = List.copyOf(services);
        exemptions = List.copyOf(exemptions);
    }
}
