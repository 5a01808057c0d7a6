package io.portcullis.engine.plan;

import io.portcullis.diff.Change;
import io.portcullis.diff.ChangeItem;
import io.portcullis.diff.FateChange;
import io.portcullis.diff.FateItem;
import io.portcullis.engine.report.Documents;
import io.portcullis.engine.report.EngineJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A saved plan, bound to the state it saw: apply refuses the whole plan when the tool version or
 * the policy changed, and refuses one router when its managed subtree changed since. The same document is
 * {@code plan --json}, {@code plan --out} and {@code POST /api/plan} ({@code docs/schemas/plan.schema.json}).
 *
 * <p>Version 2 (was 1): a router is {@code router} (was {@code name}) with a {@code state} (was {@code status});
 * changes and packet fates are structured ({@link ChangeItem}, {@link FateItem}) with the sentence as {@code text};
 * {@code startedAt}/{@code finishedAt} replace {@code createdAt}.
 */
public record PlanFile(
        String format,
        String toolVersion,
        Instant startedAt,
        Instant finishedAt,
        String policyDigest,
        List<Entry> routers) {
    public static final String FORMAT = "portcullis-plan/2";

    /**
     * @param impact packet fates router now → after apply
     */
    public record Entry(
            String router,
            String platform,
            RouterPlan.Status state,
            String intentDigest,
            String stateDigest,
            List<ChangeItem> changes,
            List<FateItem> impact,
            String forwardText,
            String reverseText,
            List<String> warnings,
            String errorKind,
            String error) {}

    public PlanFile {
        routers = routers == null ? null : List.copyOf(routers);
    }

    public static PlanFile of(String toolVersion, String policyDigest, List<RouterPlan> plans) {
        Instant now = Documents.now();
        return of(toolVersion, policyDigest, plans, now, now);
    }

    public static PlanFile of(
            String toolVersion, String policyDigest, List<RouterPlan> plans, Instant startedAt, Instant finishedAt) {
        return new PlanFile(
                FORMAT,
                toolVersion,
                Documents.millis(startedAt),
                Documents.millis(finishedAt),
                policyDigest,
                plans.stream().map(PlanFile::entry).toList());
    }

    static Entry entry(RouterPlan p) {
        return new Entry(
                p.router(),
                p.platform(),
                p.status(),
                p.intentDigest(),
                p.stateDigest(),
                p.changes().diff().changes().stream().map(Change::item).toList(),
                p.changes().fates().stream().map(FateChange::item).toList(),
                p.changes().forwardText(),
                p.changes().reverseText(),
                p.warnings(),
                p.errorKind(),
                p.error());
    }

    public Optional<Entry> entry(String router) {
        return routers.stream().filter(e -> e.router().equals(router)).findFirst();
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
            if ("portcullis-plan/1".equals(p.format())) {
                throw new IllegalArgumentException(file
                        + " is a plan of an older Portcullis (portcullis-plan/1); run 'portcullis plan --out' again");
            }
            if (!FORMAT.equals(p.format())) {
                throw new IllegalArgumentException(file + " is not a Portcullis plan (format " + p.format()
                        + "); create it with 'portcullis plan --out'");
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Entry e : p.routers() == null ? List.<Entry>of() : p.routers()) {
                if (e == null || e.router() == null || e.router().isBlank()) {
                    throw new IllegalArgumentException(
                            file + " has a router entry without a name; it was edited or damaged:"
                                    + " run 'portcullis plan --out' again");
                }
                if (!seen.add(e.router())) {
                    throw new IllegalArgumentException(file + " lists router " + e.router()
                            + " twice; it was edited or damaged:" + " run 'portcullis plan --out' again");
                }
            }
            return p;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read plan " + file + ": "
                    + e.getMessage().lines().findFirst().orElse("") + "; create it with 'portcullis plan --out FILE'");
        }
    }
}
