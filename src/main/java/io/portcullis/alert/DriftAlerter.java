package io.portcullis.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns per-router check results into alerts. One alert per router and {@link AlertName}: it fires once
 * (a drift seen again keeps its startsAt and is not re-fired; a different drift updates it), and resolves when
 * the router is back in that respect. {@code PortcullisRouterUnreachable} fires after
 * {@code unreachableAfter} consecutive failed checks (counted in the {@link AlertStateStore}, so a restart or a
 * failover goes on counting) and resolves at the next successful one; a failed check
 * leaves an open drift alert alone (the drift is unknown, not gone). {@code PortcullisPolicyPending} fires
 * only when enabled, once a revision has waited {@code pendingAfter}. Alert state lives in the
 * {@link AlertStateStore}; delivery, retries and re-sends in {@link AlertDelivery}.
 */
public final class DriftAlerter implements AutoCloseable {

    /** What one check found for a router. */
    public record Observation(
            String router,
            String platform,
            Kind kind,
            String detail,
            String summary,
            List<String> changes,
            List<String> impact,
            String changedBy,
            Instant pendingSince) {
        public enum Kind {
            IN_POLICY,
            DRIFTED,
            UNREACHABLE,
            PENDING
        }

        public Observation {
            changes = List.copyOf(changes);
            impact = List.copyOf(impact);
        }

        /** A drift check's result: {@code fingerprint} (the drift's digest) null means in sync. */
        public Observation(
                String router,
                String platform,
                String fingerprint,
                String summary,
                List<String> changes,
                List<String> impact,
                String changedBy) {
            this(
                    router,
                    platform,
                    fingerprint == null ? Kind.IN_POLICY : Kind.DRIFTED,
                    fingerprint,
                    summary,
                    changes,
                    impact,
                    changedBy,
                    null);
        }

        public static Observation inSync(String router, String platform) {
            return new Observation(router, platform, Kind.IN_POLICY, null, null, List.of(), List.of(), null, null);
        }

        /** The check could not read the router; {@code errorKind} tells failures apart, {@code error} is one sentence. */
        public static Observation unreachable(String router, String platform, String errorKind, String error) {
            return new Observation(
                    router, platform, Kind.UNREACHABLE, errorKind, error, List.of(), List.of(), null, null);
        }

        /** A newer policy {@code revision} is known but not yet applied to this router, since {@code since}. */
        public static Observation pending(String router, String platform, String revision, Instant since) {
            return new Observation(router, platform, Kind.PENDING, revision, null, List.of(), List.of(), null, since);
        }
    }

    private final AlertStateStore store;
    private final AlertSettings settings;
    private final AlertDelivery delivery;
    private final Clock clock;

    public DriftAlerter(
            List<AlertSink> sinks,
            AlertStateStore store,
            AlertSettings settings,
            DeliveryListener listener,
            Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.delivery = new AlertDelivery(sinks, store, settings, listener, clock);
    }

    public DriftAlerter(List<AlertSink> sinks, Clock clock) {
        this(sinks, new InMemoryAlertStateStore(), AlertSettings.defaults(), DeliveryListener.NONE, clock);
    }

    public DriftAlerter(List<AlertSink> sinks) {
        this(sinks, Clock.systemUTC());
    }

    public List<AlertSink> sinks() {
        return delivery.sinks();
    }

    public AlertSettings settings() {
        return settings;
    }

    /** Starts background delivery: retries with backoff and Alertmanager re-sends, independent of checks. */
    public void start() {
        delivery.start();
    }

    /** The open (firing) alert of this name for the router, if any. */
    public Optional<Alert> open(String router, AlertName name) {
        return store.find(Alert.fingerprint(router, name))
                .map(AlertState::alert)
                .filter(Alert::firing);
    }

    /** The open drift alert for the router, if any. */
    public Optional<Alert> activeAlert(String router) {
        return open(router, AlertName.POLICY_DRIFT);
    }

    /** Records one check result and delivers what it decided; returns the alert versions it decided (fired, updated, resolved). */
    public List<Alert> observe(Observation o) {
        List<Alert> decided = delivery.locked(() -> decide(o));
        decided.forEach(a -> delivery.deliverDue(a.fingerprint()));
        return decided;
    }

    /**
     * A drift that existed and is gone already: another process overwrote it before any check saw it (the soak's
     * finding D: an out-of-band change that a CI apply read and overwrote). It is alerted and resolved at once, in
     * that order, so every sink hears of it. Nothing is done while a drift alert of the router is open (that alert is
     * the router's story now), and the router's other alerts and failure count are left alone: this says nothing
     * about the router as it is now.
     *
     * @return the versions decided (fired, then resolved); empty when a drift alert was open
     */
    public List<Alert> reportPastDrift(Observation o) {
        if (o.kind() != Observation.Kind.DRIFTED) {
            throw new IllegalArgumentException("a past drift is a drift, not " + o.kind());
        }
        List<Alert> fired = delivery.locked(() -> {
            List<Alert> d = new ArrayList<>();
            if (open(o.router(), AlertName.POLICY_DRIFT).isEmpty()) {
                fire(o, AlertName.POLICY_DRIFT, o.summary(), now(), d);
            }
            return d;
        });
        if (fired.isEmpty()) {
            return fired;
        }
        fired.forEach(a -> delivery.deliverDue(a.fingerprint()));
        List<Alert> resolved = delivery.locked(() -> {
            List<Alert> d = new ArrayList<>();
            resolve(o.router(), AlertName.POLICY_DRIFT, now(), d);
            return d;
        });
        resolved.forEach(a -> delivery.deliverDue(a.fingerprint()));
        List<Alert> all = new ArrayList<>(fired);
        all.addAll(resolved);
        return all;
    }

    /** Milliseconds: what a database column keeps exactly, so a restarted service sends the very same startsAt. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private List<Alert> decide(Observation o) {
        List<Alert> decided = new ArrayList<>();
        Instant now = now();
        if (o.kind() == Observation.Kind.UNREACHABLE) {
            // counted in the store, not here: a restarted or newly elected replica goes on from the last leader's count
            int n = store.failedChecks(o.router()) + 1;
            store.failedChecks(o.router(), n);
            if (n >= settings.unreachableAfter()
                    && open(o.router(), AlertName.ROUTER_UNREACHABLE).isEmpty()) {
                String summary = o.router() + " could not be checked " + n + " times in a row: " + o.summary();
                fire(o, AlertName.ROUTER_UNREACHABLE, summary, now, decided);
            }
            return decided;
        }
        if (store.failedChecks(o.router()) > 0) {
            store.failedChecks(o.router(), 0);
        }
        resolve(o.router(), AlertName.ROUTER_UNREACHABLE, now, decided);
        switch (o.kind()) {
            case IN_POLICY -> {
                resolve(o.router(), AlertName.POLICY_DRIFT, now, decided);
                resolve(o.router(), AlertName.POLICY_PENDING, now, decided);
            }
            case DRIFTED -> {
                resolve(o.router(), AlertName.POLICY_PENDING, now, decided);
                fire(o, AlertName.POLICY_DRIFT, o.summary(), now, decided);
            }
            case PENDING -> {
                resolve(o.router(), AlertName.POLICY_DRIFT, now, decided);
                if (settings.pendingEnabled()
                        && o.pendingSince() != null
                        && !now.isBefore(o.pendingSince().plus(settings.pendingAfter()))) {
                    fire(
                            o,
                            AlertName.POLICY_PENDING,
                            o.router() + " has not received policy revision " + o.detail() + " (known since "
                                    + o.pendingSince() + ")",
                            now,
                            decided);
                }
            }
            default -> throw new IllegalStateException("unexpected " + o.kind());
        }
        return decided;
    }

    private void fire(Observation o, AlertName name, String summary, Instant now, List<Alert> decided) {
        String fp = Alert.fingerprint(o.router(), name);
        AlertState current = store.find(fp).filter(s -> s.alert().firing()).orElse(null);
        if (current == null) {
            Alert a = new Alert(
                    name,
                    Alert.Status.FIRING,
                    o.router(),
                    o.platform(),
                    fp,
                    o.detail(),
                    summary,
                    o.changes(),
                    o.impact(),
                    o.changedBy(),
                    now,
                    null,
                    settings.routerUrl(o.router()));
            store.save(AlertState.fresh(a));
            delivery.newVersion(fp);
            decided.add(a);
        } else if (!java.util.Objects.equals(current.alert().detail(), o.detail())) {
            // a different drift on the same router: the same alert (same startsAt and fingerprint) with new content,
            // sent again
            Alert a = current.alert().updated(o.detail(), summary, o.changes(), o.impact(), o.changedBy());
            store.save(AlertState.fresh(a));
            delivery.newVersion(fp);
            decided.add(a);
        } else if (current.alert().changedBy() == null && o.changedBy() != null) {
            // the notification naming the author may arrive after a full check already opened the alert: send the
            // update (same startsAt and fingerprint, so not a new alert). Only remembering it reached Alertmanager at
            // its next re-send but never a webhook, which does not re-send: the NOC saw a drift without "changed by"
            // (the soak's finding C)
            Alert a = current.alert().updated(o.detail(), summary, o.changes(), o.impact(), o.changedBy());
            store.save(AlertState.fresh(a));
            delivery.newVersion(fp);
            decided.add(a);
        }
    }

    private void resolve(String router, AlertName name, Instant now, List<Alert> decided) {
        String fp = Alert.fingerprint(router, name);
        store.find(fp).filter(s -> s.alert().firing()).ifPresent(s -> {
            Alert r = s.alert().resolved(now);
            store.save(AlertState.fresh(r));
            delivery.newVersion(fp);
            decided.add(r);
        });
    }

    @Override
    public void close() {
        delivery.close();
    }
}
