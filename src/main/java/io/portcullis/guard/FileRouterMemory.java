package io.portcullis.guard;

import com.fasterxml.jackson.core.type.TypeReference;
import io.portcullis.engine.memory.Quarantine;
import io.portcullis.engine.memory.Quirk;
import io.portcullis.engine.memory.RouterMemory;
import io.portcullis.json.JsonMappers;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * {@link RouterMemory} in one JSON file ({@code <state dir>/routers.json}) for runs that record nothing
 * ({@code portcullis.db.enabled=false}): read and rewritten whole under an exclusive lock of a sibling lock file, so
 * concurrent CLI runs on one machine never lose each other's entries; replaced atomically (write, then rename).
 */
public final class FileRouterMemory implements RouterMemory {
    /** The file's content. */
    record Content(TreeMap<String, Set<Quirk>> quirks, List<Quarantine> quarantine) {
        Content {
            quirks = quirks == null ? new TreeMap<>() : new TreeMap<>(quirks);
            quarantine = quarantine == null ? new ArrayList<>() : new ArrayList<>(quarantine);
        }
    }

    private final Path file;

    public FileRouterMemory(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public Set<Quirk> quirks(String router) {
        Set<Quirk> q = update(null).quirks().get(router);
        return q == null ? Set.of() : Set.copyOf(q);
    }

    @Override
    public Map<String, Set<Quirk>> allQuirks() {
        Map<String, Set<Quirk>> all = new java.util.LinkedHashMap<>();
        update(null).quirks().forEach((r, q) -> all.put(r, Set.copyOf(q)));
        return all;
    }

    @Override
    public void remember(String router, Quirk quirk, String runId) {
        update(c -> {
            Set<Quirk> set = EnumSet.noneOf(Quirk.class);
            set.addAll(c.quirks().getOrDefault(router, Set.of()));
            set.add(quirk);
            c.quirks().put(router, set);
            return c;
        });
    }

    @Override
    public List<Quarantine> quarantined() {
        List<Quarantine> all = new ArrayList<>(update(null).quarantine());
        all.sort(Comparator.comparing(Quarantine::since));
        return all;
    }

    @Override
    public void quarantine(Quarantine q) {
        update(c -> {
            c.quarantine().removeIf(e -> e.router().equals(q.router()));
            c.quarantine().add(q);
            return c;
        });
    }

    @Override
    public boolean release(String router) {
        boolean[] removed = new boolean[1];
        update(c -> {
            removed[0] = c.quarantine().removeIf(e -> e.router().equals(router));
            return c;
        });
        return removed[0];
    }

    /** Reads the file (absent: empty) under the lock and, when {@code change} is given, writes what it returns. */
    private synchronized Content update(UnaryOperator<Content> change) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = ch.lock()) {
                Content c = Files.exists(file)
                        ? JsonMappers.FILES.readValue(file.toFile(), new TypeReference<Content>() {})
                        : new Content(null, null);
                if (change == null) {
                    return c;
                }
                Content next = change.apply(c);
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.writeString(tmp, JsonMappers.write(JsonMappers.DOCUMENTS, next));
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return next;
            }
        } catch (IOException | RuntimeException e) {
            throw new MemoryException(
                    "the router state file " + file + " cannot be used ("
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                            + "); check the state directory (portcullis.state-dir)",
                    e);
        }
    }
}
