package io.portcullis.inventory;

import io.portcullis.policy.Diagnostic;
import io.portcullis.policy.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded inventory: devices in {@code hosts.yaml} order after inheritance, the names of the
 * groups defined in {@code groups.yaml}, and every problem found while loading.
 *
 * @param hostLines line of each host's definition in hosts.yaml, for later diagnostics
 */
public record Inventory(
        Path directory,
        List<Device> devices,
        List<String> groups,
        Map<String, Integer> hostLines,
        List<Diagnostic> diagnostics) {
    public Inventory {
        devices = List.copyOf(devices);
        groups = List.copyOf(groups);
        hostLines = Map.copyOf(hostLines);
        diagnostics = List.copyOf(diagnostics);
    }

    public Optional<Device> device(String name) {
        return devices.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** The path of hosts.yaml as shown in messages. */
    public String hostsFile() {
        return directory.resolve(InventoryLoader.HOSTS).toString();
    }
}
