package io.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.engine.drift.Backoff;
import io.portcullis.engine.drift.ChangeWatcher;
import io.portcullis.engine.fake.TestTargets;
import io.portcullis.engine.router.ConfigChange;
import io.portcullis.engine.router.RouterConnector;
import io.portcullis.engine.router.RouterException;
import io.portcullis.engine.router.RouterSession;
import io.portcullis.engine.router.Subscription;
import io.portcullis.inventory.Device;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A router whose notification session dropped may have been changed while nobody listened: when the watcher gets its
 * session back it asks for a check of that router at once (a change without an author, the notification that would
 * have named one being lost), instead of leaving the change to the next periodic check. The soak relies on this
 * (docs/benchmarks.md, "Soak under faults", run 13).
 */
class ChangeWatcherResubscribeTest {
    @Test
    void aRouterResubscribedAfterADropIsCheckedOnceAndAFirstSubscribeIsNot() throws Exception {
        AtomicInteger subscribes = new AtomicInteger();
        AtomicBoolean firstAlive = new AtomicBoolean(true);
        RouterConnector connector = new RouterConnector() {
            @Override
            public RouterSession open(Device device) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Subscription subscribe(Device device, Consumer<ConfigChange> onChange) {
                int n = subscribes.incrementAndGet();
                if (n == 1) {
                    return subscription(firstAlive);
                }
                if (n <= 3) { // the router is still down for two attempts
                    throw new RouterException(
                            RouterException.Kind.CONNECTION_REFUSED, device.name() + ": connection refused");
                }
                return subscription(new AtomicBoolean(true));
            }
        };
        LinkedBlockingQueue<ConfigChange> checks = new LinkedBlockingQueue<>();
        try (ChangeWatcher w = new ChangeWatcher(
                connector,
                checks::add,
                new Backoff(
                        Duration.ofMillis(5), Duration.ofMillis(40), BackoffTest.fixed(BackoffTest.Choice.LOWEST)))) {
            w.watch(List.of(TestTargets.target("r1")));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (w.subscribed() < 1 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertThat(w.subscribed()).as("subscribed").isEqualTo(1);
            assertThat(checks.poll(300, TimeUnit.MILLISECONDS))
                    .as("the first subscription asks for no check (the start-up check covers it)")
                    .isNull();

            firstAlive.set(false); // the session drops; the watcher notices at its next liveness poll (2 s)
            ConfigChange asked = checks.poll(10, TimeUnit.SECONDS);

            assertThat(asked)
                    .as("a check asked for once the router is subscribed again")
                    .isEqualTo(new ConfigChange("r1", "running", null));
            assertThat(subscribes.get())
                    .as("two refused attempts, then the new session")
                    .isEqualTo(4);
            assertThat(checks.poll(2500, TimeUnit.MILLISECONDS))
                    .as("one check only: the live session's polls ask for none")
                    .isNull();
        }
    }

    private static Subscription subscription(AtomicBoolean alive) {
        return new Subscription() {
            @Override
            public boolean alive() {
                return alive.get();
            }

            @Override
            public void close() {
                alive.set(false);
            }
        };
    }
}
