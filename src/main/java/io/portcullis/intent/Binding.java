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
}
