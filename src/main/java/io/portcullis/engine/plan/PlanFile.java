package io.portcullis.engine.plan;

import io.portcullis.diff.Change;
import io.portcullis.diff.FateChange;
import io.portcullis.engine.report.EngineJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A saved plan, bound to the state it saw: apply refuses the whole plan when the tool version or
 * the policy changed, and refuses one router when its managed subtree changed since.
 */
public record PlanFile(String format, String toolVersion, String policyDigest, Instant createdAt, List<Entry> routers) {
    public static final String FORMAT = "portcullis-plan/1";

    public record Entry(String name, String platform, RouterPlan.Status status, String intentDigest, String stateDigest,
                        List<String> changes, List<String> impact, String forwardText, String reverseText,
                        List<String> warnings, String errorKind, String error) {
    }

    public PlanFile {
        routers = List.copyOf(routers);
    }

    public static PlanFile of(String toolVersion, String policyDigest, List<RouterPlan> plans) {
        return new PlanFile(FORMAT, toolVersion, policyDigest, Instant.now(), plans.stream().map(PlanFile::entry).toList());
    }

    static Entry entry(RouterPlan p) {
        return new Entry(p.router(), p.platform(), p.status(), p.intentDigest(), p.stateDigest(),
                p.changes().diff().changes().stream().map(Change::describe).toList(),
                p.changes().fates().stream().map(FateChange::describe).toList(),
                p.changes().forwardText(), p.changes().reverseText(), p.warnings(), p.errorKind(), p.error());
    }

    public Optional<Entry> entry(String router) {
        return routers.stream().filter(e -> e.name().equals(router)).findFirst();
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, EngineJson.write(this));
    }

    public static PlanFile read(Path file) {
        try {
            PlanFile p = EngineJson.MAPPER.readValue(file.toFile(), PlanFile.class);
            if (!FORMAT.equals(p.format())) {
                throw new IllegalArgumentException(file + " is not a Portcullis plan (format " + p.format() + "); create it with 'portcullis plan --out'");
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Entry e : p.routers() == null ? List.<Entry>of() : p.routers()) {
                if (e == null || e.name() == null || e.name().isBlank()) {
                    throw new IllegalArgumentException(file + " has a router entry without a name; it was edited or damaged:"
                            + " run 'portcullis plan --out' again");
                }
                if (!seen.add(e.name())) {
                    throw new IllegalArgumentException(file + " lists router " + e.name() + " twice; it was edited or damaged:"
                            + " run 'portcullis plan --out' again");
                }
            }
            return p;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read plan " + file + ": " + e.getMessage().lines().findFirst().orElse("")
                    + "; create it with 'portcullis plan --out FILE'");
        }
    }
}
