package io.portcullis.api;

import io.portcullis.engine.Workspace;
import io.portcullis.engine.router.Digests;
import io.portcullis.engine.targets.Target;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Reads the policy files and the inventory every {@code portcullis.policy.poll-interval} and, when their content
 * digest changed (not their mtime: a checkout that rewrites identical files is no change) and reads the same at two
 * looks in a row (a file being written is not loaded half-way), loads them again. A load with errors, or one that
 * selects no router at all, keeps the previous policy and inventory and logs why once per content; a good one is
 * handed to the service, which re-targets the drift monitor and the notification watcher.
 */
final class PolicyWatch implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PolicyWatch.class);

    /** A policy or inventory change that loaded without errors. */
    record Reload(
            List<Target> targets,
            String policyDigest,
            String inventoryDigest,
            boolean policyChanged,
            boolean inventoryChanged) {}

    private final Path policy;
    private final Path inventory;
    private final String limit;
    private final Consumer<Reload> onChange;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "portcullis-policy-watch");
        t.setDaemon(true);
        return t;
    });
    private String policyDigest;
    private String inventoryDigest;
    private String rejected;
    /** The content seen at the previous look: a change is loaded once it reads the same twice (not half-written). */
    private String lastSeen;

    PolicyWatch(
            Path policy,
            Path inventory,
            String limit,
            String policyDigest,
            String inventoryDigest,
            Consumer<Reload> onChange) {
        this.policy = policy;
        this.inventory = inventory;
        this.limit = limit;
        this.policyDigest = policyDigest;
        this.inventoryDigest = inventoryDigest;
        this.onChange = onChange;
    }

    void start(Duration interval) {
        timer.scheduleWithFixedDelay(
                this::pollQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            // never let one failure end the scheduled watch (an exception would cancel every later look)
            LOG.warnf(e, "policy/inventory watch: %s", e.getMessage());
        }
    }

    /** One look at the files; true when a change was loaded and handed on. */
    synchronized boolean poll() {
        String p = Digests.policyFiles(policy);
        String i = Digests.policyFiles(inventory);
        if (p.equals(policyDigest) && i.equals(inventoryDigest)) {
            lastSeen = null;
            return false;
        }
        String seen = p + i;
        if (!seen.equals(lastSeen)) {
            // a checkout or an editor may be writing right now: wait until the content reads the same at the next look
            lastSeen = seen;
            return false;
        }
        Workspace w = Workspace.load(policy, inventory, limit, LocalDate.now(ZoneOffset.UTC));
        if (w.hasErrors()) {
            if (!(p + i).equals(rejected)) {
                StringWriter sw = new StringWriter();
                w.printDiagnostics(new PrintWriter(sw));
                LOG.errorf(
                        "the policy or inventory changed but does not load (%s); still watching with the previous one\n%s",
                        w.summary(), sw);
                rejected = p + i;
            }
            return false;
        }
        if (w.targets().isEmpty()) {
            if (!seen.equals(rejected)) {
                LOG.errorf(
                        "the policy or inventory changed but selects no router (%s); still watching with the previous one",
                        w.summary());
                rejected = seen;
            }
            return false;
        }
        boolean policyChanged = !p.equals(policyDigest);
        boolean inventoryChanged = !i.equals(inventoryDigest);
        policyDigest = p;
        inventoryDigest = i;
        rejected = null;
        LOG.infof(
                "%s changed on disk: %s",
                policyChanged && inventoryChanged ? "policy and inventory" : policyChanged ? "policy" : "inventory",
                w.summary());
        onChange.accept(new Reload(w.targets(), p, i, policyChanged, inventoryChanged));
        return true;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
