package io.portcullis.inventory;

import io.portcullis.intent.AttachKind;
import io.portcullis.intent.AttachPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One router of the inventory after group/default inheritance (design.md section 5).
 *
 * @param chainForeign    the inventory allows chaining with a foreign filter already bound at an
 *                        attach point (Junos filter list, SR OS embedded filter)
 * @param algorithmExceptions legacy SSH algorithms explicitly allowed for this device (reported)
 * @param settings        any further per-device keys (timeouts, confirm-timeout), as given
 */
public record Device(String name, String hostname, int port, String platform, List<String> groups,
                     List<String> interfaces, List<String> profiles, Credentials credentials, Path knownHosts,
                     HostKeyChecking hostKeyChecking, boolean chainForeign, List<String> algorithmExceptions,
                     Map<String, String> settings) {
    public Device {
        groups = List.copyOf(groups);
        interfaces = List.copyOf(interfaces);
        profiles = List.copyOf(profiles);
        algorithmExceptions = List.copyOf(algorithmExceptions);
        settings = Map.copyOf(settings);
    }

    public List<AttachPoint> attachPoints() {
        List<AttachPoint> points = new ArrayList<>();
        interfaces.forEach(i -> points.add(new AttachPoint(AttachKind.INTERFACE, i)));
        profiles.forEach(p -> points.add(new AttachPoint(AttachKind.PROFILE, p)));
        return points;
    }
}
