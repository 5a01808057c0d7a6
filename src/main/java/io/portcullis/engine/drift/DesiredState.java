package io.portcullis.engine.drift;

import io.portcullis.engine.Workspace;
import io.portcullis.engine.router.Digests;
import io.portcullis.engine.targets.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * What each router should hold: the policy revision last applied to it (from the run history), not whatever policy
 * the service loaded. A router never recorded as applied is compared with the policy the service loaded at start
 * (the baseline), and its status says so. The newest known revision is the policy on disk when no run applied it
 * yet (merged, not applied), else the revision a run applied most recently; a router whose revision differs from
 * it in what it compiles to is <em>pending</em> until someone applies it.
 *
 * <p>Recorded revisions are rebuilt from their snapshot documents against the current inventory and kept compiled
 * (a few, by digest), so a full check costs one history query, not a policy load.
 */
public final class DesiredState {
    private static final Logger LOG = Logger.getLogger(DesiredState.class);
    private static final int COMPILED_REVISIONS = 4;

    /** One revision compiled for the current inventory: router name → target (in-scope routers only). */
    public record Compiled(RevisionRef ref, Map<String, Target> targets) {
        static Compiled of(RevisionRef ref, List<Target> targets) {
            Map<String, Target> m = new LinkedHashMap<>();
            targets.forEach(t -> m.put(t.name(), t));
            return new Compiled(ref, Map.copyOf(m));
        }
    }

    /**
     * One router's desired state. {@code applied}: what it should hold (its applied revision, or the baseline with
     * {@code note} saying why); {@code newest}: the newest revision's target for it (may equal applied).
     */
    public record Desired(
            String router, Target applied, RevisionRef appliedRef, Target newest, RevisionRef newestRef, String note) {
        /** True when the newest revision would change what this router holds. */
        public boolean newerDiffers() {
            return newest != null
                    && !newestRef.sameAs(appliedRef)
                    && !Digests.intent(applied.intent(), applied.promise())
                            .equals(Digests.intent(newest.intent(), newest.promise()));
        }
    }

    private final RevisionSource source;
    private final Path baselineDocs;
    private volatile Path inventory;
    private final String limit;
    private volatile Compiled baseline;
    private volatile Compiled loaded;
    private final Map<String, Optional<Compiled>> compiled = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<Compiled>> eldest) {
            return size() > COMPILED_REVISIONS;
        }
    };
    private volatile Map<String, RevisionRef> applied = Map.of();
    private volatile RevisionRef newestRecorded;
    private volatile boolean loadedRecorded;
    private volatile String historyError;

    /**
     * @param policy  the policy serve loaded (its documents are kept as the baseline for never-recorded routers)
     * @param loaded  that policy compiled for the inventory
     */
    public DesiredState(
            RevisionSource source, Path policy, Path inventory, String limit, RevisionRef ref, List<Target> loaded) {
        this.source = source;
        this.inventory = inventory;
        this.limit = limit;
        this.baselineDocs = copyDocuments(policy);
        this.baseline = Compiled.of(ref, loaded);
        this.loaded = this.baseline;
    }

    /** Without a history: every router's desired state is the loaded policy (the behaviour before revisions). */
    public static DesiredState fixed(List<Target> targets) {
        RevisionRef ref = new RevisionRef("loaded", null, Instant.now());
        DesiredState d = new DesiredState(RevisionSource.NONE, null, null, null, ref, targets);
        return d;
    }

    /** The policy or inventory on disk changed (and loads without errors): the new targets and, for the inventory, recompiles. */
    public synchronized void loaded(
            RevisionRef ref, List<Target> targets, Path inventoryDir, boolean inventoryChanged) {
        this.inventory = inventoryDir;
        this.loaded = Compiled.of(ref, targets);
        if (inventoryChanged) {
            synchronized (compiled) {
                compiled.clear();
            }
            compile(baseline.ref(), baselineDocs).ifPresent(c -> baseline = c);
        }
        refresh();
    }

    /** The routers watched: the loaded policy's in-scope routers. */
    public Map<String, Target> routers() {
        return loaded.targets();
    }

    public RevisionRef loadedRef() {
        return loaded.ref();
    }

    public RevisionSource source() {
        return source;
    }

    /** Why the history could not be read at the last refresh (the last known revisions are used meanwhile), or null. */
    public String historyError() {
        return historyError;
    }

    /** Re-reads which revision each router got; on failure keeps the last known answer and says so once. */
    public void refresh() {
        try {
            Map<String, RevisionRef> a = source.applied();
            RevisionRef newest = source.newest().orElse(null);
            Compiled l = loaded;
            boolean known = newest != null
                    && (newest.sameAs(l.ref())
                            || a.values().stream().anyMatch(r -> r.sameAs(l.ref()))
                            || source.documents(l.ref().digest()).isPresent());
            applied = a;
            newestRecorded = newest;
            loadedRecorded = known;
            if (historyError != null) {
                LOG.infof("run history readable again: routers are compared with the revision applied to them");
            }
            historyError = null;
        } catch (RuntimeException e) {
            if (historyError == null) {
                LOG.warnf("cannot read which revision each router got (%s); using what was known last", e.getMessage());
            }
            historyError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /** The newest revision: the loaded policy while no run applied it yet, else the one applied most recently. */
    public RevisionRef newestRef() {
        RevisionRef r = newestRecorded;
        return r == null || !loadedRecorded ? loaded.ref() : r;
    }

    public Desired desired(String router) {
        Compiled base = baseline;
        Target fallback = base.targets().getOrDefault(router, loaded.targets().get(router));
        RevisionRef appliedRef = applied.get(router);
        Target target = null;
        String note = null;
        if (appliedRef == null) {
            note = "no applied revision recorded for it; compared with the policy serve loaded at start";
        } else {
            target = revision(appliedRef).map(c -> c.targets().get(router)).orElse(null);
            if (target == null) {
                note = "the revision applied to it (" + appliedRef.label()
                        + ") is not recorded with its documents or does not compile now;"
                        + " compared with the policy serve loaded at start";
            }
        }
        if (target == null) {
            target = fallback;
            appliedRef = base.targets().containsKey(router) ? base.ref() : loaded.ref();
        }
        RevisionRef newestRef = newestRef();
        Target newest = revision(newestRef).map(c -> c.targets().get(router)).orElse(null);
        if (newest == null) {
            newestRef = loaded.ref();
            newest = loaded.targets().get(router);
        }
        return new Desired(router, target, appliedRef, newest, newestRef, note);
    }

    private Optional<Compiled> revision(RevisionRef ref) {
        Compiled l = loaded;
        if (ref.sameAs(l.ref())) {
            return Optional.of(l);
        }
        Compiled b = baseline;
        if (ref.sameAs(b.ref())) {
            return Optional.of(b);
        }
        synchronized (compiled) {
            Optional<Compiled> c = compiled.get(ref.digest());
            if (c != null) {
                return c;
            }
        }
        Optional<Compiled> c;
        try {
            c = source.documents(ref.digest()).flatMap(docs -> {
                Path dir = null;
                try {
                    dir = Files.createTempDirectory("portcullis-revision-");
                    for (Map.Entry<String, String> d : docs.entrySet()) {
                        Path f = dir.resolve(d.getKey()).normalize();
                        if (!dir.equals(f.getParent())) {
                            throw new IOException("unexpected file name '" + d.getKey() + "'");
                        }
                        Files.writeString(f, d.getValue());
                    }
                    return compile(ref, dir);
                } catch (IOException e) {
                    LOG.warnf("revision %s cannot be rebuilt: %s", ref.label(), e.getMessage());
                    return Optional.empty();
                } finally {
                    delete(dir);
                }
            });
        } catch (RuntimeException e) {
            return Optional.empty(); // history unreachable: not cached, tried again next time
        }
        synchronized (compiled) {
            compiled.put(ref.digest(), c);
        }
        return c;
    }

    private Optional<Compiled> compile(RevisionRef ref, Path policyDir) {
        if (policyDir == null || inventory == null) {
            return Optional.empty();
        }
        Workspace w = Workspace.load(policyDir, inventory, limit, LocalDate.now(ZoneOffset.UTC));
        if (w.hasErrors()) {
            LOG.warnf(
                    "revision %s does not load with the current inventory (%s); routers on it are compared with the baseline",
                    ref.label(), w.summary());
            return Optional.empty();
        }
        return Optional.of(Compiled.of(ref, w.targets()));
    }

    /** A private copy of the policy documents (what the loader reads: the file, or a directory's top-level documents). */
    private static Path copyDocuments(Path policy) {
        if (policy == null) {
            return null;
        }
        try (Stream<Path> s = Files.isDirectory(policy) ? Files.list(policy) : Stream.of(policy)) {
            Path dir = Files.createTempDirectory("portcullis-baseline-");
            dir.toFile().deleteOnExit();
            for (Path f : s.filter(Files::isRegularFile)
                    .filter(DesiredState::isDocument)
                    .toList()) {
                Path copy = Files.copy(f, dir.resolve(f.getFileName().toString()));
                copy.toFile().deleteOnExit();
            }
            return dir;
        } catch (IOException e) {
            LOG.warnf(
                    "cannot keep a copy of the policy %s (%s): an inventory change will compare never-recorded routers with the new policy",
                    policy, e.getMessage());
            return null;
        }
    }

    private static boolean isDocument(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json") || n.endsWith(".xml");
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind costs a few bytes
        }
    }
}
