package io.portcullis.intent;

import java.util.List;
import java.util.Optional;

/**
 * The vendor-neutral IR for one device: the filters Portcullis owns and their bindings.
 * Every renderer starts from it and every reader returns it, so diff, drift and proof are
 * written once against this type.
 */
public record FilterIntent(String device, String platform, List<Filter> filters, List<Binding> bindings) {
    public FilterIntent {
        filters = List.copyOf(filters);
        bindings = List.copyOf(bindings);
    }

    public Optional<Filter> filter(String name) {
        return filters.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
