package io.portcullis.platform.registry;

import io.portcullis.counters.CounterReader;
import io.portcullis.platform.ietf.IetfCounters;
import io.portcullis.platform.iosxr.IosXrCounters;
import io.portcullis.platform.junos.JunosCounters;
import io.portcullis.platform.openconfig.OpenConfigCounters;
import io.portcullis.platform.sros.SrosCounters;
import io.portcullis.platform.vrp.VrpCounters;
import java.util.Map;
import java.util.Optional;

/** The counter reader of each platform, keyed by inventory spelling (kept apart from {@link Platforms} on purpose: a separate concern). */
public final class CounterReaders {
    private static final Map<String, CounterReader> BY_ID = Map.of(
            "junos",
            new JunosCounters(),
            "iosxr",
            new IosXrCounters(),
            "sros",
            new SrosCounters(),
            "vrp",
            new VrpCounters(),
            "openconfig",
            new OpenConfigCounters(),
            "ietf",
            new IetfCounters());

    private CounterReaders() {}

    public static Optional<CounterReader> find(String platform) {
        return Optional.ofNullable(platform == null ? null : BY_ID.get(platform));
    }
}
