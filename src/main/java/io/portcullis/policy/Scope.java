package io.portcullis.policy;

import java.util.List;

/** Which devices the policy applies to: inventory groups and platforms; empty lists mean "all". */
public record Scope(List<String> groups, List<String> platforms) implements java.io.Serializable {
    public static final Scope ALL = new Scope(List.of(), List.of());

    public Scope {
        groups = List.copyOf(groups);
        platforms = List.copyOf(platforms);
    }
}
