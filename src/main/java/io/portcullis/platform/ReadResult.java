package io.portcullis.platform;

import io.portcullis.intent.Binding;
import io.portcullis.intent.FilterIntent;
import java.util.List;

/**
 * What a reader found: the owned configuration as IR, foreign filters bound at attach points the
 * device has (the engine refuses to overwrite them), and warnings about things it could not map.
 */
public record ReadResult(FilterIntent intent, List<Binding> foreignBindings, List<String> warnings) {
    public ReadResult {
        foreignBindings = List.copyOf(foreignBindings);
        warnings = List.copyOf(warnings);
    }
}
