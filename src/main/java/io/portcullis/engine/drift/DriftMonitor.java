package io.portcullis.engine.drift;

import io.portcullis.alert.AlertName;
import io.portcullis.alert.DriftAlerter;
import io.portcullis.engine.Engine;
import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.router.ConfigChange;
import io.portcullis.engine.targets.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The drift service's core, plain Java: full checks (scheduled), targeted checks on change notifications, alerts
 * through the {@link DriftAlerter}, optional remediation. Each router is compared with its {@link DesiredState}: the
 * revision last applied to it. A router in line with that revision while a newer one waits is pending (no drift
 * alert); a router that already holds the newest revision is in policy (its apply may not be recorded yet). A new
 * drift is looked at again after {@code settle} before it is alerted, so a router caught in the middle of someone's
 * apply does not raise an alert. Quarkus beans only schedule it and expose it.
 */
public final class DriftMonitor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DriftMonitor.class);

    /** Hooks for metrics and the run history. */
    public interface Listener {
        default void checked(RouterStatus status) {}

        default void applied(RouterOutcome outcome) {}

        /** A remediation's outcome and the revision it re-applied (by default reported as {@link #applied}). */
        default void remediated(RouterOutcome outcome, RevisionRef revision) {
            applied(outcome);
        }

        /**
         * Someone else's change (a notification named its author) was seen as a drift and was gone within the settle
         * time, overwritten by an apply in progress: {@code drifted} is the router as first seen (status drift, its
         * changes, impact and {@code changedBy}). It was alerted and resolved at once; {@link #checked} follows with the
         * router's state after the settle time. The run history records it as a drift that opened and resolved.
         */
        default void overwritten(RouterStatus drifted) {}
    }

    private final Engine engine;
    private final DesiredState desired;
    private final DriftAlerter alerter;
    private final Listener listener;
    private final int parallel;
    private final boolean remediate;
    private final Remediator remediator;
    private final Duration settle;
    private final Map<String, RouterStatus> status = new ConcurrentHashMap<>();
    /**
     * When the read behind each router's recorded status began (this monitor's own checks only, not statuses restored
     * from the leader): a check whose read began earlier never records over it. See {@link #record}.
     */
    private final Map<String, Instant> recordedRead = new ConcurrentHashMap<>();
    /** One lock per router: deciding whether a verdict is the newest and recording it happen as one step. */
    private final Map<String, Object> recordLocks = new ConcurrentHashMap<>();

    private final Map<String, String> pendingAuthor = new ConcurrentHashMap<>();
    /** Routers whose queued check was triggered by someone else's change (see {@link ConfigChange#foreign()}). */
    private final Set<String> pendingForeign = ConcurrentHashMap.newKeySet();

    /**
     * Routers with a targeted check queued or running, and whether a notification came in while it ran: at most one check
     * per router at a time (two at once would race to name the author), and a change seen during a check is checked
     * again after it, never dropped.
     */
    private final Map<String, TargetedCheck> targetedChecks = new ConcurrentHashMap<>();

    private final ExecutorService targeted;

    private enum TargetedCheck {
        QUEUED,
        RUNNING,
        /** Running, and another notification arrived meanwhile: the router is checked once more when it ends. */
        RUNNING_THEN_AGAIN
    }

    /** Without a run history: every router is compared with {@code targets}, and a drift is alerted at once. */
    public DriftMonitor(
            Engine engine,
            List<Target> targets,
            DriftAlerter alerter,
            Listener listener,
            int parallel,
            boolean remediate,
            ApplyOptions remediation) {
        this(
                engine,
                DesiredState.fixed(targets),
                alerter,
                listener,
                parallel,
                remediate,
                new Remediator(engine, remediation, List::of),
                Duration.ZERO);
    }

    public DriftMonitor(
            Engine engine,
            DesiredState desired,
            DriftAlerter alerter,
            Listener listener,
            int parallel,
            boolean remediate,
            Remediator remediator,
            Duration settle) {
        this.engine = engine;
        this.desired = desired;
        this.alerter = alerter;
        this.listener = listener;
        this.parallel = parallel;
        this.remediate = remediate;
        this.remediator = remediator;
        this.settle = settle;
        this.targeted = Executors.newFixedThreadPool(4, r -> {
            Thread th = new Thread(r, "portcullis-targeted-check");
            th.setDaemon(true);
            return th;
        });
    }

    /** The routers watched (the loaded policy's in-scope routers; changes when the inventory or policy is reloaded). */
    public Collection<Target> targets() {
        return desired.routers().values();
    }

    public DesiredState desired() {
        return desired;
    }

    public Map<String, RouterStatus> status() {
        return status;
    }

    public DriftAlerter alerter() {
        return alerter;
    }

    /**
     * Replaces the statuses with {@code known} (as the leader recorded them in the database) for the routers this replica
     * watches: a follower serves them, and a replica about to lead starts from them instead of from nothing.
     */
    public void restore(Map<String, RouterStatus> known) {
        Set<String> watched = desired.routers().keySet();
        status.keySet().removeIf(r -> !known.containsKey(r));
        known.forEach((r, s) -> {
            if (watched.contains(r)) {
                status.put(r, s);
            }
        });
    }

    /** Forgets routers no longer watched (the inventory dropped them): no status, no metric, their alerts resolved. */
    public void forget(Collection<String> routers) {
        for (String r : routers) {
            RouterStatus s = status.remove(r);
            recordedRead.remove(r);
            if (s != null) {
                alerter.observe(DriftAlerter.Observation.inSync(r, s.platform()));
            }
        }
    }

    private enum Kind {
        IN_POLICY,
        PENDING,
        DRIFT,
        ERROR
    }

    /** One router's check: the plan to report, what it means, whom it was compared with, and when its read began. */
    private record Verdict(
            DesiredState.Desired d,
            RouterPlan plan,
            Kind kind,
            RevisionRef comparedWith,
            long millis,
            Instant readAt) {}

    /** Checks every router (the periodic backstop). */
    public List<RouterStatus> checkAll(String trigger) {
        desired.refresh();
        List<Verdict> verdicts = judgeAll(new ArrayList<>(desired.routers().keySet()));
        verdicts = settled(verdicts, () -> false);
        List<RouterStatus> out = new ArrayList<>();
        for (Verdict v : verdicts) {
            if (leftToANotification(v)) {
                RouterStatus known = status.get(v.d().router());
                if (known != null) {
                    out.add(known);
                }
                continue;
            }
            out.add(record(v, trigger, null));
        }
        return out;
    }

    /**
     * A new drift that a change notification's check is queued or running for: that check names who made the change, so
     * the alert is left to it. Alerted here it would go out without an author, and the notification's check would then
     * alert the same change a second time under its author (seen in the soak: lab-vrp-0388, an out-of-band change a full
     * check saw and remediated 1 s before the notification's check of it ran).
     */
    private boolean leftToANotification(Verdict v) {
        return newDrift(v) && targetedChecks.containsKey(v.d().router());
    }

    /** Checks one router now (a change notification said it changed, author unknown or Portcullis itself). */
    public RouterStatus checkOne(String router, String trigger, String changedBy) {
        return checkOne(router, trigger, changedBy, false);
    }

    /**
     * Checks one router now. When {@code foreign} (the notification named someone other than Portcullis' own user) and
     * the drift it caused is gone within the settle time — an apply in progress overwrote it — the change is still an
     * out-of-band change a NOC must hear of: it is alerted with its author and resolved at once, and never remediated.
     */
    public RouterStatus checkOne(String router, String trigger, String changedBy, boolean foreign) {
        Blame fixed = new Blame(changedBy, foreign);
        return checkOne(router, trigger, () -> fixed);
    }

    /** Who a check blames for a drift it finds: a notification's author, and whether that is someone else than Portcullis. */
    private record Blame(String changedBy, boolean foreign) {}

    /** {@code blame} is asked once the router's answer is settled, just before it is recorded. */
    private RouterStatus checkOne(String router, String trigger, Supplier<Blame> blame) {
        if (!desired.routers().containsKey(router)) {
            throw new IllegalArgumentException("unknown router '" + router + "'");
        }
        desired.refresh();
        Instant seenAt = Instant.now();
        List<Verdict> first = judgeAll(List.of(router));
        List<Verdict> v = settled(first, () -> blame.get().foreign());
        Blame b = blame.get();
        boolean foreign = b.foreign();
        String changedBy = b.changedBy();
        if (foreign && first.get(0).kind() == Kind.DRIFT && v.get(0).kind() != Kind.DRIFT) {
            Verdict gone = first.get(0);
            DriftEntry seen = DriftEntry.of(gone.plan());
            alerter.observe(driftObservation(
                    gone,
                    seen,
                    changedBy,
                    "; overwritten within " + settle.toMillis() + " ms by an apply in progress"));
            // the alert is sent and resolved at once; the history must keep the drift too, with its author
            listener.overwritten(new RouterStatus(
                    gone.plan().router(),
                    gone.plan().platform(),
                    seen,
                    seenAt,
                    gone.millis(),
                    trigger,
                    new RouterStatus.Revisions(gone.comparedWith().label(), null, null),
                    changedBy));
        }
        return record(v.get(0), trigger, changedBy);
    }

    private List<Verdict> judgeAll(List<String> routers) {
        List<DesiredState.Desired> ds = routers.stream().map(desired::desired).toList();
        Instant readAt = Instant.now();
        long t0 = System.nanoTime();
        List<RouterPlan> plans =
                engine.plan(ds.stream().map(DesiredState.Desired::applied).toList(), ds.size() == 1 ? 1 : parallel);
        long perRouter = (System.nanoTime() - t0) / 1_000_000 / Math.max(1, plans.size());
        List<Verdict> out = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            out.add(judge(ds.get(i), plans.get(i), perRouter, readAt));
        }
        return out;
    }

    private Verdict judge(DesiredState.Desired d, RouterPlan p, long millis, Instant readAt) {
        return switch (p.status()) {
            case ERROR -> new Verdict(d, p, Kind.ERROR, d.appliedRef(), millis, readAt);
            case IN_SYNC ->
                new Verdict(d, p, d.newerDiffers() ? Kind.PENDING : Kind.IN_POLICY, d.appliedRef(), millis, readAt);
            case CHANGES -> {
                if (d.newerDiffers()) {
                    // it may hold the newest revision already: applied just now, the run's record not written yet
                    RouterPlan onNewest = engine.plan(List.of(d.newest()), 1).get(0);
                    if (onNewest.status() == RouterPlan.Status.IN_SYNC) {
                        yield new Verdict(d, onNewest, Kind.IN_POLICY, d.newestRef(), millis, readAt);
                    }
                }
                yield new Verdict(d, p, Kind.DRIFT, d.appliedRef(), millis, readAt);
            }
        };
    }

    /** A drift not alerted yet is looked at once more after the settle time, with the history read again. */
    private List<Verdict> settled(List<Verdict> verdicts, BooleanSupplier foreign) {
        List<String> fresh = verdicts.stream()
                .filter(this::newDrift)
                .map(v -> v.d().router())
                .toList();
        if (fresh.isEmpty() || settle.isZero()) {
            return verdicts;
        }
        try {
            Thread.sleep(settle.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return verdicts;
        }
        desired.refresh();
        List<Verdict> again = judgeAll(fresh);
        for (Verdict a : again) {
            if (a.kind() != Kind.DRIFT) {
                LOG.infof(
                        "%s looked drifted and was %s %s later (an apply in progress): %s",
                        a.d().router(),
                        a.kind().name().toLowerCase().replace('_', ' '),
                        settle,
                        foreign.getAsBoolean()
                                ? "the change was someone else's, so it is alerted and resolved at once"
                                : "no alert");
            }
        }
        return replacedBy(verdicts, again);
    }

    /** A drift no alert is open for yet: what the settle time and a notification's check are about. */
    private boolean newDrift(Verdict v) {
        return v.kind() == Kind.DRIFT
                && alerter.open(v.d().router(), AlertName.POLICY_DRIFT).isEmpty();
    }

    /** {@code verdicts} in their order, each router's replaced by its verdict in {@code newer} where it has one. */
    private static List<Verdict> replacedBy(List<Verdict> verdicts, List<Verdict> newer) {
        Map<String, Verdict> byRouter = new java.util.HashMap<>();
        newer.forEach(v -> byRouter.put(v.d().router(), v));
        List<Verdict> out = new ArrayList<>(verdicts.size());
        for (Verdict v : verdicts) {
            out.add(byRouter.getOrDefault(v.d().router(), v));
        }
        return out;
    }

    /**
     * Notification entry point: coalesces bursts (one check queued per router at a time) and never runs two checks of
     * one router at once; a notification during a check has the router checked again when that check ends.
     */
    public Consumer<ConfigChange> changeHandler() {
        return change -> {
            String router = change.router();
            if (!desired.routers().containsKey(router)) {
                return;
            }
            // a burst coalesces into one check that names one author: someone else's change keeps the blame over
            // Portcullis' own commit right after it (an apply's confirming commit carries the drift someone made in its
            // confirm window along; naming Portcullis' own session would blame it for that drift). Both are kept until
            // the router's checks are over, so the check after a running one still knows a foreign change started them.
            // Updated under the router's entry in targetedChecks, so a check that ends at this moment cannot clear them
            // after they were set for the next one.
            boolean[] submit = {false};
            targetedChecks.compute(router, (r, state) -> {
                if (change.changedBy() != null && (change.foreign() || !pendingForeign.contains(router))) {
                    pendingAuthor.put(router, change.changedBy());
                }
                if (change.foreign()) {
                    pendingForeign.add(router);
                }
                if (state == null) {
                    submit[0] = true;
                    return TargetedCheck.QUEUED;
                }
                return state == TargetedCheck.QUEUED ? state : TargetedCheck.RUNNING_THEN_AGAIN;
            });
            if (submit[0]) {
                targeted.submit(() -> runTargetedChecks(router));
            }
        };
    }

    /** Checks {@code router} until no notification came in during its last check, then lets it be queued anew. */
    private void runTargetedChecks(String router) {
        // a notification from here on finds the check running and asks for one more; one that came while it was queued
        // is covered by the read this check is about to make
        targetedChecks.put(router, TargetedCheck.RUNNING);
        boolean again = true;
        while (again) {
            Blame startedBy = new Blame(pendingAuthor.get(router), pendingForeign.contains(router));
            try {
                checkOne(router, "notification", () -> blameAtTheEnd(router, startedBy));
            } catch (RuntimeException e) {
                LOG.warnf("targeted check of %s failed: %s", router, e.getMessage());
            }
            boolean[] more = {false};
            targetedChecks.compute(router, (r, state) -> {
                more[0] = state == TargetedCheck.RUNNING_THEN_AGAIN;
                if (!more[0]) {
                    // atomically with leaving the map: a notification after this point queues a fresh check and names
                    // its own author
                    pendingAuthor.remove(router);
                    pendingForeign.remove(router);
                }
                return more[0] ? TargetedCheck.RUNNING : null;
            });
            again = more[0];
        }
    }

    /**
     * Whom a notification's check blames once it has its answer: the author its notification named, unless that was
     * Portcullis' own commit (or nobody) and someone else's change notified while the check ran. Such a change came after
     * the check began, so it is the one its read found: in the soak (finding H) a check started by an apply's own commit
     * read the router just after someone's edit and alerted that edit under Portcullis' session.
     */
    private Blame blameAtTheEnd(String router, Blame startedBy) {
        if (startedBy.foreign() || !pendingForeign.contains(router)) {
            return startedBy;
        }
        return new Blame(pendingAuthor.getOrDefault(router, startedBy.changedBy()), true);
    }

    /**
     * Records one router's answer: its alert, status, metrics and history, and remediation when on. Checks of one router
     * overlap (a full check reads a thousand routers over many seconds; notifications and remediations check single
     * routers meanwhile), so the newest read wins: a verdict whose read began before the one already recorded is dropped
     * and the recorded status returned. Recording the older read would undo a newer answer — in the soak a full check's
     * read from before an out-of-band change resolved the drift alert a notification's check had just opened for it
     * (finding G), and the reverse re-opened, without an author, an alert a CI apply had resolved (finding C).
     */
    private RouterStatus record(Verdict v, String trigger, String changedBy) {
        RouterStatus s;
        synchronized (lockOf(v.d().router())) {
            Instant newer = recordedRead.get(v.d().router());
            if (newer != null && newer.isAfter(v.readAt())) {
                LOG.debugf(
                        "%s: a read from %s is already recorded; this check's older read (%s) is dropped",
                        v.d().router(), newer, v.readAt());
                RouterStatus known = status.get(v.d().router());
                if (known != null) {
                    return known;
                }
            }
            s = recordNow(v, trigger, changedBy);
        }
        if (v.kind() == Kind.DRIFT
                && remediate
                && !"remediation".equals(trigger)
                && desired.routers().containsKey(v.d().router())) {
            remediate(v.d());
        }
        return s;
    }

    private Object lockOf(String router) {
        return recordLocks.computeIfAbsent(router, r -> new Object());
    }

    private RouterStatus recordNow(Verdict v, String trigger, String changedBy) {
        RouterPlan p = v.plan();
        DesiredState.Desired d = v.d();
        DriftEntry e = v.kind() == Kind.PENDING ? DriftEntry.pending(p) : DriftEntry.of(p);
        if (!desired.routers().containsKey(p.router())) {
            // the inventory dropped the router while this check was in flight (a reload, then forget): what the check
            // found goes to its caller only; recording it would bring the router back into the status, its alerts and
            // the listener's metrics and history (seen in CI: a portcullis_router_info series with platform "unknown"
            // after the reload, DesiredStateServeLabTest)
            return new RouterStatus(p.router(), p.platform(), e, Instant.now(), v.millis(), trigger, null, changedBy);
        }
        RouterStatus.Revisions revisions = new RouterStatus.Revisions(
                v.comparedWith().label(),
                v.kind() == Kind.PENDING ? d.newestRef().label() : null,
                v.comparedWith().sameAs(d.newestRef())
                                && v.kind() == Kind.IN_POLICY
                                && !v.comparedWith().sameAs(d.appliedRef())
                        ? null
                        : d.note());
        switch (v.kind()) {
            case IN_POLICY -> alerter.observe(DriftAlerter.Observation.inSync(p.router(), p.platform()));
            case PENDING ->
                alerter.observe(DriftAlerter.Observation.pending(
                        p.router(),
                        p.platform(),
                        d.newestRef().label(),
                        d.newestRef().since()));
            case DRIFT -> alerter.observe(driftObservation(v, e, changedBy, ""));
            default -> // a router that cannot be read blinds drift detection: the alerter raises it after repeated
                // failures
                alerter.observe(
                        DriftAlerter.Observation.unreachable(p.router(), p.platform(), e.errorKind(), e.error()));
        }
        // who changed it: the open drift alert keeps the first author a notification named (across checks and restarts)
        String author = v.kind() != Kind.DRIFT
                ? null
                : alerter.open(p.router(), AlertName.POLICY_DRIFT)
                        .map(a -> a.changedBy())
                        .filter(java.util.Objects::nonNull)
                        .orElse(changedBy);
        RouterStatus s =
                new RouterStatus(p.router(), p.platform(), e, Instant.now(), v.millis(), trigger, revisions, author);
        status.put(p.router(), s);
        recordedRead.put(p.router(), v.readAt());
        listener.checked(s);
        return s;
    }

    private static DriftAlerter.Observation driftObservation(Verdict v, DriftEntry e, String changedBy, String note) {
        int n = e.changes().size();
        return new DriftAlerter.Observation(
                v.plan().router(),
                v.plan().platform(),
                e.fingerprint(),
                v.plan().router() + " no longer enforces the subscriber-protection policy (" + n + " change"
                        + (n == 1 ? "" : "s") + ", compared with revision "
                        + v.comparedWith().label() + ")" + note,
                e.changes(),
                e.impact(),
                changedBy);
    }

    private void remediate(DesiredState.Desired d) {
        Remediator.Result r = remediator.remediate(d, listener::remediated);
        if (r.applied()) {
            Instant readAt = Instant.now();
            long t0 = System.nanoTime();
            RouterPlan after = engine.plan(List.of(d.applied()), 1).get(0);
            record(judge(d, after, (System.nanoTime() - t0) / 1_000_000, readAt), "remediation", null);
        }
    }

    @Override
    public void close() {
        targeted.shutdownNow();
    }
}
