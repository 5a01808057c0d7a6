package io.portcullis.engine.memory;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** See {@link RouterMemory#readingQuirksOnce}. */
final class QuirksReadOnce implements RouterMemory {
    private final RouterMemory memory;
    /** Null when the read at the start failed: each router is then asked of {@link #memory}. */
    private final Map<String, Set<Quirk>> quirks;

    QuirksReadOnce(RouterMemory memory) {
        this.memory = memory;
        Map<String, Set<Quirk>> read;
        try {
            read = new ConcurrentHashMap<>(memory.allQuirks());
        } catch (MemoryException e) {
            read = null;
        }
        this.quirks = read;
    }

    @Override
    public Set<Quirk> quirks(String router) {
        return quirks == null ? memory.quirks(router) : quirks.getOrDefault(router, Set.of());
    }

    @Override
    public Map<String, Set<Quirk>> allQuirks() {
        return quirks == null ? memory.allQuirks() : Map.copyOf(quirks);
    }

    @Override
    public void remember(String router, Quirk quirk, String runId) {
        memory.remember(router, quirk, runId);
        if (quirks != null) {
            quirks.merge(router, EnumSet.of(quirk), (a, b) -> {
                Set<Quirk> both = EnumSet.copyOf(a);
                both.addAll(b);
                return both;
            });
        }
    }

    @Override
    public List<Quarantine> quarantined() {
        return memory.quarantined();
    }

    @Override
    public void quarantine(Quarantine q) {
        memory.quarantine(q);
    }

    @Override
    public boolean release(String router) {
        return memory.release(router);
    }
}
