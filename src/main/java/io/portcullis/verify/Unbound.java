package io.portcullis.verify;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.FilterNames;
import java.util.ArrayList;
import java.util.List;

/**
 * Devices whose bindings Portcullis does not write (no attach points in the inventory, or a
 * platform like VRP whose binding model is unavailable) still get their filters proven: each owned
 * filter is treated as bound at one virtual attach point in the direction its compiler name says.
 */
final class Unbound {
    static final AttachPoint POINT = new AttachPoint(AttachKind.INTERFACE, "(filter not bound by Portcullis)");

    private Unbound() {}

    /** Virtual bindings of the compiler-named filters present in the intent; empty when there are none. */
    static List<Binding> bindings(FilterIntent intent) {
        List<Binding> out = new ArrayList<>();
        for (Direction d : Direction.values()) {
            for (AddressFamily f : AddressFamily.values()) {
                String name = FilterNames.filterName(d, f);
                if (intent.filter(name).isPresent()) {
                    out.add(new Binding(POINT.kind(), POINT.name(), f, d, name));
                }
            }
        }
        return out;
    }

    static FilterIntent withVirtualBindings(FilterIntent intent) {
        return new FilterIntent(intent.device(), intent.platform(), intent.filters(), bindings(intent));
    }
}
