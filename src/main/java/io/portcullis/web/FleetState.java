package io.portcullis.web;

import io.portcullis.api.ServiceMetrics;
import io.portcullis.engine.drift.RouterStatus;

/**
 * A router's state on the dashboard, with the same ids as the {@code state} label of {@code portcullis_router_info}
 * ({@link ServiceMetrics#stateOf}). Each has a text and a symbol besides its colour: state is never told by colour alone.
 */
public enum FleetState {
    IN_POLICY("in_policy", "in policy", "✓"),
    DRIFTED("drifted", "drifted", "✗"),
    PENDING("pending", "pending", "…"),
    UNREACHABLE("unreachable", "unreachable", "!"),
    UNCHECKED("unchecked", "unchecked", "–");

    private final String id;
    private final String text;
    private final String symbol;

    FleetState(String id, String text, String symbol) {
        this.id = id;
        this.text = text;
        this.symbol = symbol;
    }

    public String id() {
        return id;
    }

    public String text() {
        return text;
    }

    public String symbol() {
        return symbol;
    }

    static FleetState of(RouterStatus s) {
        return s == null ? UNCHECKED : byId(ServiceMetrics.stateOf(s));
    }

    /** The state of an id (as in the {@code state} query parameter), or null for an unknown one. */
    static FleetState byId(String id) {
        for (FleetState f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        return null;
    }
}
