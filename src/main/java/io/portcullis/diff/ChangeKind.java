package io.portcullis.diff;

/**
 * Classes of semantic difference between the intended and the actual owned configuration.
 * "Missing" means the policy wants it and the router does not have it; "extra" the reverse.
 */
public enum ChangeKind {
    FILTER_MISSING("filter missing"),
    FILTER_EXTRA("filter extra"),
    FILTER_CHANGED("filter changed"),
    TERM_MISSING("term missing"),
    TERM_EXTRA("term extra"),
    TERM_CHANGED("term changed"),
    TERMS_REORDERED("terms reordered"),
    BINDING_MISSING("binding missing"),
    BINDING_EXTRA("binding extra");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
