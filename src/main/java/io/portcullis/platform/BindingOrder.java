package io.portcullis.platform;

import io.portcullis.intent.AttachKind;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Filter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts bindings read from a device into the compiler's order: per filter (in the order the filters
 * were read), interfaces before profiles, then in the order each attach point first appeared.
 * Why: devices group bindings by attach point, the compiler groups them by filter; a reader must
 * return the compiler's order for render → read to give back the same IR.
 */
public final class BindingOrder {
    private BindingOrder() {}

    public static List<Binding> canonical(List<Filter> filters, List<Binding> documentOrder) {
        Map<String, Integer> filterIndex = new HashMap<>();
        for (int i = 0; i < filters.size(); i++) {
            filterIndex.putIfAbsent(filters.get(i).name(), i);
        }
        Map<String, Integer> pointIndex = new HashMap<>();
        for (Binding b : documentOrder) {
            pointIndex.putIfAbsent(b.kind() + " " + b.point(), pointIndex.size());
        }
        List<Binding> sorted = new ArrayList<>(documentOrder);
        sorted.sort(Comparator.<Binding>comparingInt(b -> filterIndex.getOrDefault(b.filterName(), Integer.MAX_VALUE))
                .thenComparing(Binding::filterName)
                .thenComparing(b -> b.kind() == AttachKind.INTERFACE ? 0 : 1)
                .thenComparingInt(b -> pointIndex.get(b.kind() + " " + b.point())));
        return sorted.stream().distinct().toList();
    }
}
