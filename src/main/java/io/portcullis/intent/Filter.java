package io.portcullis.intent;

import java.util.List;
import java.util.Objects;

/**
 * A named, ordered list of terms for one address family. First matching term decides.
 *
 * @param defaultAction what happens when no term matches: the platform's implicit end
 *                      (DISCARD on Junos/IOS-XR/SR OS by default). Renderers write an explicit
 *                      final accept term, so the IR the compiler builds never relies on it; readers
 *                      record the platform's real default so a missing final accept is caught.
 */
public record Filter(String name, AddressFamily family, List<Term> terms, Action defaultAction, String description) {
    public Filter {
        Objects.requireNonNull(name, "filter name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(defaultAction, "defaultAction");
        terms = List.copyOf(terms);
    }
}
