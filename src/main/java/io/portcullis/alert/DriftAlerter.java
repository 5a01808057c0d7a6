package io.portcullis.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Turns a stream of per-router check results into alerts: one firing alert per (router, drift
 * fingerprint) no matter how often the same drift is seen, a resolved alert when the router is
 * back in policy. Delivery is tracked per sink, so a sink that was down gets the alert at the next
 * check instead of never.
 */
public final class DriftAlerter {
    private static final Logger LOG = Logger.getLogger(DriftAlerter.class);

    /** What one check found for a router. {@code fingerprint} null means in sync. */
    public record Observation(String router, String platform, String fingerprint, String summary, List<String> changes,
                              List<String> impact, String changedBy) {
        public static Observation inSync(String router, String platform) {
            return new Observation(router, platform, null, null, List.of(), List.of(), null);
        }
    }

    private record Active(Alert alert, Set<String> delivered) {
    }

    private final List<AlertSink> sinks;
    private final Clock clock;
    private final Map<String, Active> active = new ConcurrentHashMap<>();

    public DriftAlerter(List<AlertSink> sinks, Clock clock) {
        this.sinks = List.copyOf(sinks);
        this.clock = clock;
    }

    public DriftAlerter(List<AlertSink> sinks) {
        this(sinks, Clock.systemUTC());
    }

    public List<AlertSink> sinks() {
        return sinks;
    }

    public Optional<Alert> activeAlert(String router) {
        return Optional.ofNullable(active.get(router)).map(Active::alert);
    }

    /** Records one check result; returns the alerts sent (for tests and the run log). */
    public synchronized List<Alert> observe(Observation o) {
        List<Alert> sent = new ArrayList<>();
        Active current = active.get(o.router());
        Instant now = clock.instant();
        if (o.fingerprint() == null) {
            if (current != null) {
                active.remove(o.router());
                Alert resolved = current.alert().resolved(now);
                deliver(resolved, new java.util.HashSet<>());
                sent.add(resolved);
            }
            return sent;
        }
        if (current != null && !current.alert().fingerprint().equals(o.fingerprint())) {
            // a different drift replaces the old one: close the old alert so receivers do not keep both
            Alert resolved = current.alert().resolved(now);
            deliver(resolved, new java.util.HashSet<>());
            sent.add(resolved);
            current = null;
        }
        if (current == null) {
            String changedBy = o.changedBy();
            Alert firing = new Alert(Alert.Status.FIRING, o.router(), o.platform(), o.fingerprint(), o.summary(), o.changes(),
                    o.impact(), changedBy, now, null);
            current = new Active(firing, ConcurrentHashMap.newKeySet());
            active.put(o.router(), current);
        } else if (current.alert().changedBy() == null && o.changedBy() != null) {
            // the event that names the author may arrive after the periodic check found the drift
            Alert a = current.alert();
            current = new Active(new Alert(a.status(), a.router(), a.platform(), a.fingerprint(), a.summary(), a.changes(),
                    a.impact(), o.changedBy(), a.startsAt(), null), current.delivered());
            active.put(o.router(), current);
        }
        if (current.delivered().size() < sinks.size()) {
            deliver(current.alert(), current.delivered());
            sent.add(current.alert());
        }
        return sent;
    }

    private void deliver(Alert alert, Set<String> delivered) {
        for (AlertSink sink : sinks) {
            if (delivered.contains(sink.name())) {
                continue;
            }
            try {
                sink.send(alert);
                delivered.add(sink.name());
            } catch (RuntimeException e) {
                LOG.warnf("alert for %s not delivered: %s", alert.router(), e.getMessage());
            }
        }
    }
}
