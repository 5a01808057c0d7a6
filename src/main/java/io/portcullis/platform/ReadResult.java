package io.portcullis.platform;

import io.portcullis.intent.Binding;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import java.util.List;

/**
 * What a reader found: the owned configuration as IR, foreign filters bound at attach points the
 * device has (the engine refuses to overwrite them), and warnings about things it could not map.
 *
 * @param foreignFilters the content of foreign filters bound at our attach points (and of foreign
 *                       filters embedded into them), read only by platforms that can chain: what
 *                       the router really applies is proven on them; never edited
 */
public record ReadResult(
        FilterIntent intent, List<Binding> foreignBindings, List<String> warnings, List<Filter> foreignFilters) {
    public ReadResult {
        foreignBindings = List.copyOf(foreignBindings);
        warnings = List.copyOf(warnings);
        foreignFilters = List.copyOf(foreignFilters);
    }

    public ReadResult(FilterIntent intent, List<Binding> foreignBindings, List<String> warnings) {
        this(intent, foreignBindings, warnings, List.of());
    }

    public java.util.Optional<Filter> foreignFilter(String name) {
        return foreignFilters.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
