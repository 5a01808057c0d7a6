package io.portcullis.engine.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The JSON record of one apply run: per-router final state, reason, changes; written with --report. */
public record RunReport(String runId, String toolVersion, String policyDigest, String planFile, Instant startedAt,
                        Instant finishedAt, String haltedBecause, Map<DeviceState, Integer> counts, List<DeviceOutcome> routers) {
    public RunReport {
        routers = List.copyOf(routers);
    }

    public static Map<DeviceState, Integer> count(List<DeviceOutcome> outcomes) {
        Map<DeviceState, Integer> m = new EnumMap<>(DeviceState.class);
        outcomes.forEach(o -> m.merge(o.state(), 1, Integer::sum));
        return m;
    }

    public boolean success() {
        return haltedBecause == null && routers.stream().allMatch(o -> o.state().success());
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, EngineJson.write(this));
    }

    public static RunReport read(Path file) throws IOException {
        return EngineJson.MAPPER.readValue(file.toFile(), RunReport.class);
    }
}
