package io.portcullis.intent;

import java.util.Objects;

/** A filter attached at one attach point, for one family and direction. */
public record Binding(AttachKind kind, String point, AddressFamily family, Direction direction, String filterName) {
    public Binding {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(point);
        Objects.requireNonNull(family);
        Objects.requireNonNull(direction);
        Objects.requireNonNull(filterName);
    }

    /**
     * True when both bindings occupy the same slot: the same attach point (kind and name), family and direction.
     * Every platform holds at most one filter per slot, so this is the one test for "bound at the same place".
     */
    public boolean sameSlot(Binding other) {
        return kind == other.kind
                && point.equals(other.point)
                && family == other.family
                && direction == other.direction;
    }

    /** True when this binding sits at {@code at} for the given family and direction. */
    public boolean boundAt(AttachPoint at, AddressFamily family, Direction direction) {
        return kind == at.kind() && point.equals(at.name()) && this.family == family && this.direction == direction;
    }
}
