package io.portcullis.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Delivers what the {@link AlertStateStore} holds: each version of an alert to every sink once (a sink that
 * {@link AlertSink#resends() re-sends} gets open alerts again every resend interval), a failed delivery again
 * after a backoff that doubles from the minimum to the maximum, and reports every attempt to the listener.
 * A resolved alert is deleted from the store once every sink has it. Runs on the caller's thread (a check
 * delivers at once) and on a background tick (retries and re-sends happen without waiting for the next check).
 */
public final class AlertDelivery implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AlertDelivery.class);

    /** Failures so far of the current version at one sink, and when it may be tried again. */
    private record Retry(int failures, Instant next) {}

    private final List<AlertSink> sinks;
    private final AlertStateStore store;
    private final AlertSettings settings;
    private final DeliveryListener listener;
    private final Clock clock;
    private final Map<String, Retry> retries = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticker;

    public AlertDelivery(
            List<AlertSink> sinks,
            AlertStateStore store,
            AlertSettings settings,
            DeliveryListener listener,
            Clock clock) {
        this.sinks = List.copyOf(sinks);
        this.store = store;
        this.settings = settings;
        this.listener = listener;
        this.clock = clock;
    }

    public List<AlertSink> sinks() {
        return sinks;
    }

    /** Starts the background tick; idempotent. The tick is short enough for the smallest backoff and re-send interval. */
    public synchronized void start() {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portcullis-alert-delivery");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(
                100,
                Math.min(
                        1000,
                        Math.min(
                                        settings.minBackoff().toMillis(),
                                        settings.resendInterval().toMillis())
                                / 2));
        ticker.scheduleWithFixedDelay(
                () -> {
                    try {
                        deliverDue();
                    } catch (RuntimeException e) {
                        LOG.warnf("alert delivery tick failed: %s", e.getMessage());
                    }
                },
                tick,
                tick,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Runs a change of the store under the delivery lock, so a delivery in progress never writes back an
     * older version of an alert over the one a check just decided.
     */
    synchronized <T> T locked(java.util.function.Supplier<T> change) {
        return change.get();
    }

    /** A new version of this alert was stored: earlier failures no longer delay it. */
    void newVersion(String fingerprint) {
        sinks.forEach(s -> retries.remove(fingerprint + "|" + s.name()));
    }

    /** Delivers everything due now. */
    public void deliverDue() {
        Set<String> failedThisPass = new HashSet<>();
        for (AlertState s : store.all()) {
            deliver(s, failedThisPass);
        }
    }

    /** Delivers one alert if anything of it is due (called right after a check decided it). */
    void deliverDue(String fingerprint) {
        store.find(fingerprint).ifPresent(s -> deliver(s, new HashSet<>()));
    }

    private synchronized void deliver(AlertState seen, Set<String> failedThisPass) {
        // re-read under the lock: the tick and a check may both have picked up the same alert
        AlertState state = store.find(seen.fingerprint()).orElse(null);
        if (state == null) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Instant> sentTo = new HashMap<>(state.sentTo());
        boolean changed = false;
        for (AlertSink sink : sinks) {
            if (!due(state.alert(), sink, sentTo.get(sink.name()), now) || failedThisPass.contains(sink.name())) {
                continue;
            }
            String key = state.fingerprint() + "|" + sink.name();
            Retry retry = retries.get(key);
            if (retry != null && now.isBefore(retry.next())) {
                continue;
            }
            int attempt = retry == null ? 1 : retry.failures() + 1;
            try {
                sink.send(state.alert());
                sentTo.put(sink.name(), now);
                retries.remove(key);
                changed = true;
                report(state.alert(), sink, attempt, now, null, null);
            } catch (RuntimeException e) {
                // one sentence without secrets (sinks redact their URLs); another exception type is a bug, said briefly
                String error = e instanceof AlertDeliveryException
                        ? e.getMessage()
                        : sink.name() + " alert could not be delivered ("
                                + e.getClass().getSimpleName() + ")";
                Instant next = now.plus(backoff(attempt));
                retries.put(key, new Retry(attempt, next));
                failedThisPass.add(sink.name());
                LOG.warnf(
                        "%s alert for %s not delivered (attempt %d, next in %ds): %s",
                        state.alert().name().alertname(),
                        state.alert().router(),
                        attempt,
                        Duration.between(now, next).toSeconds(),
                        error);
                report(state.alert(), sink, attempt, now, error, next);
            }
        }
        boolean everywhere = sinks.stream().allMatch(s -> sentTo.containsKey(s.name()));
        if (!state.alert().firing() && everywhere) {
            store.delete(state.fingerprint());
            newVersion(state.fingerprint());
        } else if (changed) {
            store.save(new AlertState(state.alert(), sentTo));
        }
    }

    private boolean due(Alert alert, AlertSink sink, Instant lastSent, Instant now) {
        if (lastSent == null) {
            return true;
        }
        return alert.firing() && sink.resends() && !now.isBefore(lastSent.plus(settings.resendInterval()));
    }

    Duration backoff(int failures) {
        Duration d = settings.minBackoff();
        for (int i = 1; i < failures && d.compareTo(settings.maxBackoff()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
    }

    private void report(Alert a, AlertSink sink, int attempt, Instant at, String error, Instant next) {
        try {
            listener.attempted(new DeliveryAttempt(
                    a.fingerprint(),
                    a.name().alertname(),
                    a.router(),
                    a.status(),
                    sink.name(),
                    attempt,
                    at,
                    error == null,
                    error,
                    next));
        } catch (RuntimeException e) {
            LOG.warnf("delivery listener failed: %s", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }
}
