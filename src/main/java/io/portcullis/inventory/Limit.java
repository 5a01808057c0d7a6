package io.portcullis.inventory;

import io.portcullis.policy.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code --limit} expression of design.md section 4: device names or {@code group:NAME},
 * comma-separated; the union of all selectors. A selector that matches nothing is an error, so a
 * typo never silently turns "these three routers" into "no router".
 */
public final class Limit {
    private Limit() {}

    /** The outcome: selected devices (inventory order) and errors for unknown names/groups. */
    public record Selection(List<Device> devices, List<Diagnostic> diagnostics) {
        public Selection {
            devices = List.copyOf(devices);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    public static Selection apply(String expression, Inventory inventory) {
        if (expression == null || expression.isBlank()) {
            return new Selection(inventory.devices(), List.of());
        }
        Set<String> names = new LinkedHashSet<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (String raw : expression.split(",")) {
            String sel = raw.trim();
            if (sel.isEmpty()) {
                continue;
            }
            if (sel.startsWith("group:")) {
                String group = sel.substring("group:".length()).trim();
                List<Device> members = inventory.devices().stream()
                        .filter(d -> d.groups().contains(group))
                        .toList();
                if (members.isEmpty()) {
                    problems.add(Diagnostic.error(
                            "--limit",
                            0,
                            null,
                            "group '" + group + "' has no device in the inventory"
                                    + (inventory.groups().contains(group) ? "" : " (it is not defined in groups.yaml)")
                                    + "; check the spelling or drop it from --limit"));
                }
                members.forEach(d -> names.add(d.name()));
            } else if (inventory.device(sel).isPresent()) {
                names.add(sel);
            } else {
                problems.add(Diagnostic.error(
                        "--limit",
                        0,
                        null,
                        "device '" + sel + "' is not in the inventory (" + inventory.hostsFile()
                                + "); check the spelling, or use group:NAME for a group"));
            }
        }
        List<Device> selected = inventory.devices().stream()
                .filter(d -> names.contains(d.name()))
                .toList();
        return new Selection(selected, problems);
    }
}
