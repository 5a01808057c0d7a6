package io.portcullis.inventory;

import io.portcullis.intent.AttachKind;
import io.portcullis.intent.AttachPoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * One router of the inventory after group/default inheritance (design.md section 5).
 *
 * @param chainForeign    the inventory allows chaining with a foreign filter already bound at an
 *                        attach point (Junos filter list, SR OS embedded filter)
 * @param algorithmExceptions legacy SSH algorithms explicitly allowed for this device (reported)
 * @param settings        the typed {@link DeviceSetting}s that were set (checked at load time) and the free-form
 *                        {@code data:} entries under {@code data.KEY}; read them through the accessors below
 */
public record Device(
        String name,
        String hostname,
        int port,
        String platform,
        List<String> groups,
        List<String> interfaces,
        List<String> profiles,
        Credentials credentials,
        Path knownHosts,
        HostKeyChecking hostKeyChecking,
        boolean chainForeign,
        List<String> algorithmExceptions,
        Map<String, String> settings) {
    public Device {
        groups = List.copyOf(groups);
        interfaces = List.copyOf(interfaces);
        profiles = List.copyOf(profiles);
        algorithmExceptions = List.copyOf(algorithmExceptions);
        settings = Map.copyOf(settings);
    }

    /** Prefix of the free-form {@code data:} entries inside {@link #settings()}. */
    public static final String DATA_PREFIX = "data.";

    /** The inventory's confirm-timeout for this router, if set (a command-line flag wins over it). */
    public OptionalInt confirmTimeout() {
        String v = settings.get(DeviceSetting.CONFIRM_TIMEOUT.key());
        return v == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(v));
    }

    /** Whether the candidate is validated before commit (default true). */
    public boolean validateCandidate() {
        return !"false".equals(settings.get(DeviceSetting.VALIDATE.key()));
    }

    /** The inventory's per-RPC reply timeout for this router, if set. */
    public Optional<Duration> rpcTimeout() {
        String v = settings.get(DeviceSetting.TIMEOUT.key());
        return v == null ? Optional.empty() : Optional.of(Duration.ofSeconds(Integer.parseInt(v)));
    }

    /** The free-form {@code data:} entries (Portcullis reads none of them). */
    public Map<String, String> data() {
        Map<String, String> out = new TreeMap<>();
        settings.forEach((k, v) -> {
            if (k.startsWith(DATA_PREFIX)) {
                out.put(k.substring(DATA_PREFIX.length()), v);
            }
        });
        return out;
    }

    public List<AttachPoint> attachPoints() {
        List<AttachPoint> points = new ArrayList<>();
        interfaces.forEach(i -> points.add(new AttachPoint(AttachKind.INTERFACE, i)));
        profiles.forEach(p -> points.add(new AttachPoint(AttachKind.PROFILE, p)));
        return points;
    }
}
