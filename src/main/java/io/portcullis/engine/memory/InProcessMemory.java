package io.portcullis.engine.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link RouterMemory} in this JVM only: forgotten when the process ends. */
final class InProcessMemory implements RouterMemory {
    private final Map<String, Set<Quirk>> quirks = new LinkedHashMap<>();
    private final Map<String, Quarantine> quarantined = new LinkedHashMap<>();

    @Override
    public synchronized Set<Quirk> quirks(String router) {
        Set<Quirk> q = quirks.get(router);
        return q == null ? Set.of() : Set.copyOf(q);
    }

    @Override
    public synchronized Map<String, Set<Quirk>> allQuirks() {
        Map<String, Set<Quirk>> all = new LinkedHashMap<>();
        quirks.forEach((r, q) -> all.put(r, Set.copyOf(q)));
        return all;
    }

    @Override
    public synchronized void remember(String router, Quirk quirk, String runId) {
        quirks.computeIfAbsent(router, r -> EnumSet.noneOf(Quirk.class)).add(quirk);
    }

    @Override
    public synchronized List<Quarantine> quarantined() {
        List<Quarantine> all = new ArrayList<>(quarantined.values());
        all.sort(Comparator.comparing(Quarantine::since));
        return all;
    }

    @Override
    public synchronized void quarantine(Quarantine q) {
        quarantined.put(q.router(), q);
    }

    @Override
    public synchronized boolean release(String router) {
        return quarantined.remove(router) != null;
    }
}
