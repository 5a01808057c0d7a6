package io.portcullis.platform.registry;

import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.ietf.IetfAdapter;
import io.portcullis.platform.iosxr.IosXrAdapter;
import io.portcullis.platform.junos.JunosAdapter;
import io.portcullis.platform.openconfig.OpenConfigAdapter;
import io.portcullis.platform.sros.SrosAdapter;
import io.portcullis.platform.vrp.VrpAdapter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of supported platforms, keyed by inventory spelling. */
public final class Platforms {
    private static final Map<String, PlatformAdapter> BY_ID = new LinkedHashMap<>();

    static {
        for (PlatformAdapter a : List.of(
                new JunosAdapter(),
                new IosXrAdapter(),
                new SrosAdapter(),
                new VrpAdapter(),
                new OpenConfigAdapter(),
                new IetfAdapter())) {
            BY_ID.put(a.id(), a);
        }
    }

    private Platforms() {}

    public static Optional<PlatformAdapter> find(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id));
    }

    public static PlatformAdapter get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown platform '" + id + "' (expected one of " + String.join(", ", BY_ID.keySet()) + ")"));
    }

    public static List<String> ids() {
        return List.copyOf(BY_ID.keySet());
    }

    public static List<PlatformAdapter> all() {
        return List.copyOf(BY_ID.values());
    }
}
