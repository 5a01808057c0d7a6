package io.portcullis.engine.drift;

import io.portcullis.engine.router.ConfigChange;
import io.portcullis.engine.router.RouterConnector;
import io.portcullis.engine.router.Subscription;
import io.portcullis.engine.targets.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Keeps one notification subscription per router alive: when it cannot be opened or drops, it is
 * retried with exponential backoff and full jitter (so 1,000 routers coming back do not reconnect
 * in lock-step). Missed events are the periodic full check's job.
 */
public final class ChangeWatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChangeWatcher.class);

    private final RouterConnector connector;
    private final Consumer<ConfigChange> onChange;
    private final Backoff backoff;
    private final ScheduledExecutorService timer;
    private final Map<String, Subscription> live = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    /** Routers to keep subscribed; one taken out here is closed at its next liveness poll. */
    private final Map<String, Target> wanted = new ConcurrentHashMap<>();

    private volatile boolean closed;

    public ChangeWatcher(
            RouterConnector connector, Consumer<ConfigChange> onChange, Duration minBackoff, Duration maxBackoff) {
        this(connector, onChange, new Backoff(minBackoff, maxBackoff));
    }

    public ChangeWatcher(RouterConnector connector, Consumer<ConfigChange> onChange, Backoff backoff) {
        this.connector = connector;
        this.onChange = onChange;
        this.backoff = backoff;
        this.timer = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "portcullis-watch");
            t.setDaemon(true);
            return t;
        });
    }

    public void watch(List<Target> targets) {
        for (Target t : targets) {
            if (wanted.put(t.name(), t) != null) {
                continue; // already watched (its device is looked up afresh at each reconnect)
            }
            // spread the first connects over a second so a big fleet does not connect at one instant
            timer.schedule(() -> ensure(t), backoff.spreadMillis(1000), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops watching routers the inventory no longer has; their subscriptions are closed now. */
    public void unwatch(java.util.Collection<String> routers) {
        for (String r : routers) {
            wanted.remove(r);
            failures.remove(r);
            Subscription s = live.remove(r);
            if (s != null) {
                try {
                    s.close();
                } catch (RuntimeException ignored) {
                    // the router is gone from the inventory; its session's end is best effort
                }
            }
        }
    }

    public int subscribed() {
        return (int) live.values().stream().filter(Subscription::alive).count();
    }

    private void ensure(Target watched) {
        Target t = wanted.get(watched.name());
        if (closed) {
            return;
        }
        if (t == null) {
            // unwatched while a subscribe was in flight: do not keep what it opened
            Subscription late = live.remove(watched.name());
            if (late != null) {
                try {
                    late.close();
                } catch (RuntimeException ignored) {
                    // best effort, as in unwatch
                }
            }
            return;
        }
        Subscription s = live.get(t.name());
        if (s != null && s.alive()) {
            timer.schedule(() -> ensure(t), 2, TimeUnit.SECONDS); // liveness poll: cheap, local
            return;
        }
        long delay;
        try {
            live.put(t.name(), connector.subscribe(t.device(), onChange));
            failures.remove(t.name());
            if (s != null) {
                // resubscribed after a drop: changes may have been missed, so check now
                onChange.accept(new ConfigChange(t.name(), "running", null));
            }
            delay = 2000;
        } catch (RuntimeException e) {
            int n = failures.merge(t.name(), 1, Integer::sum);
            delay = backoff.delayMillis(n);
            if (n == 1) {
                LOG.warnf(
                        "no change notifications from %s (%s); retrying with backoff, periodic checks continue",
                        t.name(), e.getMessage());
            }
        }
        timer.schedule(() -> ensure(t), delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        live.values().forEach(s -> {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // closing on shutdown is best effort
            }
        });
    }
}
