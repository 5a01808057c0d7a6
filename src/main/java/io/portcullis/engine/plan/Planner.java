package io.portcullis.engine.plan;

import io.portcullis.diff.ChangeSet;
import io.portcullis.engine.router.Datastore;
import io.portcullis.engine.router.Digests;
import io.portcullis.engine.router.Observed;
import io.portcullis.engine.router.RouterException;
import io.portcullis.engine.router.RouterSession;
import io.portcullis.engine.targets.Target;
import io.portcullis.platform.PlatformAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Read-only comparison of every router with the policy, used by plan and drift. It only opens a
 * session and sends get-config: no lock, no edit, no commit.
 */
public final class Planner {
    private final EngineContext ctx;
    private final int parallel;
    private final Consumer<RouterPlan> done;

    public Planner(EngineContext ctx, int parallel) {
        this(ctx, parallel, p -> {});
    }

    /** @param done told about each router as soon as it is planned, from the planning thread (progress output) */
    public Planner(EngineContext ctx, int parallel, Consumer<RouterPlan> done) {
        this.ctx = ctx;
        this.parallel = Math.max(1, parallel);
        this.done = done;
    }

    public List<RouterPlan> planAll(List<Target> targets) {
        if (targets.size() <= 1 || parallel == 1) {
            return targets.stream().map(this::planAndTell).toList();
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, targets.size()), r -> {
            Thread th = new Thread(r, "portcullis-plan-" + n.incrementAndGet());
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<RouterPlan>> futures = new ArrayList<>();
            for (Target t : targets) {
                futures.add(pool.submit(() -> planAndTell(t)));
            }
            List<RouterPlan> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    out.add(RouterPlan.error(
                            targets.get(i),
                            "internal",
                            String.valueOf(e.getCause().getMessage())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    out.add(RouterPlan.error(targets.get(i), "interrupted", "the check was interrupted"));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private RouterPlan planAndTell(Target t) {
        RouterPlan p = plan(t);
        try {
            done.accept(p);
        } catch (RuntimeException e) {
            // progress output must never cost a plan
        }
        return p;
    }

    public RouterPlan plan(Target t) {
        PlatformAdapter platform;
        try {
            platform = ctx.platform(t);
        } catch (IllegalArgumentException e) {
            return RouterPlan.error(t, "inventory", e.getMessage());
        }
        Observed seen = null;
        List<String> transport = List.of();
        for (int attempt = 1; seen == null; attempt++) {
            boolean opened = false;
            try (RouterSession s = ctx.connector().open(t.device())) {
                opened = true;
                seen = Observed.read(s, t, platform, Datastore.RUNNING);
                transport = s.transportWarnings();
            } catch (RouterException e) {
                // a reply that never came on an open session (yuma123 netconfd swallows one now and then): reading is
                // harmless, so once more on a fresh session. Connect timeouts are not retried: they are the router's
                // answer.
                if (!(opened && attempt == 1 && e.kind() == RouterException.Kind.TIMEOUT)) {
                    return RouterPlan.error(t, e.kind().label(), e.getMessage());
                }
            }
        }
        // after the read, not before: the first digest of a run loads Jackson (~0.1 s of a CLI plan's start), which
        // then overlaps the other routers' reads instead of delaying every first contact (docs/benchmarks.md)
        String intentDigest = Digests.intent(t.intent(), t.promise());
        Wanted want = ctx.want(t, seen.read());
        ChangeSet cs = want.withComposite(
                ctx.explainer()
                        .explain(
                                platform,
                                want.owned(),
                                seen.read().intent(),
                                t.promise(),
                                want.effective(want.owned(), seen.read()),
                                want.effective(seen.read().intent(), seen.read())),
                seen.read(),
                t.promise());
        List<String> warnings = new ArrayList<>(want.refusals());
        if (want.chained()) {
            warnings.addAll(want.planNotes(t, seen.read()));
        }
        seen.read().warnings().forEach(w -> warnings.add(t.name() + ": " + w));
        warnings.addAll(transport);
        return new RouterPlan(
                t.name(),
                platform.id(),
                cs.isEmpty() ? RouterPlan.Status.IN_SYNC : RouterPlan.Status.CHANGES,
                cs,
                intentDigest,
                seen.digest(),
                warnings,
                null,
                null);
    }
}
