package io.portcullis.engine.counters;

import com.fasterxml.jackson.core.type.TypeReference;
import io.portcullis.counters.TermCount;
import io.portcullis.engine.report.EngineJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last read of every router's counters, so the next read can say what happened since. A small JSON
 * file (default {@code .portcullis/counters/last-read.json}); a missing or unreadable file means "no
 * previous read" (deltas unknown), never a failure. Written atomically (temp file, then move).
 */
public final class CounterLedger {
    public static final Path DEFAULT = Path.of(".portcullis", "counters", "last-read.json");

    /** What was read from one router last time: when, and packets per "filter/term". */
    public record Previous(Instant at, Map<String, Long> packets) {}

    private final Path file;
    private final Map<String, Previous> routers = new LinkedHashMap<>();
    private String problem;

    private CounterLedger(Path file) {
        this.file = file;
    }

    public static CounterLedger open(Path file) {
        CounterLedger l = new CounterLedger(file);
        if (Files.isRegularFile(file)) {
            try {
                l.routers.putAll(
                        EngineJson.MAPPER.readValue(file.toFile(), new TypeReference<Map<String, Previous>>() {}));
            } catch (IOException | RuntimeException e) {
                l.problem = "the last read in " + file + " is unreadable, so this read starts afresh";
            }
        }
        return l;
    }

    public Optional<Previous> previous(String router) {
        return Optional.ofNullable(routers.get(router));
    }

    /** Why the previous reads were ignored, or null. */
    public String problem() {
        return problem;
    }

    public static String key(TermCount t) {
        return t.filter() + "/" + t.term();
    }

    /** Remembers the samples that have numbers (an unavailable router keeps its older read). */
    public void remember(List<CounterSample> samples) {
        for (CounterSample s : samples) {
            if (!s.read().available()) {
                continue;
            }
            Map<String, Long> packets = new LinkedHashMap<>();
            for (TermCount t : s.read().terms()) {
                if (t.packets() != null) {
                    packets.put(key(t), t.packets());
                }
            }
            routers.put(s.router(), new Previous(s.at(), packets));
        }
    }

    public void save() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "last-read", ".tmp");
        Files.writeString(tmp, EngineJson.write(routers));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
