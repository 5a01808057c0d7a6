package io.portcullis.engine.memory;

import io.portcullis.inventory.Device;
import java.time.Duration;
import java.util.Locale;

/**
 * One transaction at a time per router, across every Portcullis run that can reach it (CLI processes, API calls,
 * remediation, replicas of serve). Without it two runs lock the candidate in turn and the second finds the first's
 * uncommitted edits there, which it must (and did) call someone else's changes. The key is the router's address
 * ({@link #key}), so two inventory names for one router share the lock.
 */
public interface RouterLocks {
    /** Who holds (or asks for) a router: the run id and the actor the run history shows. */
    record Holder(String runId, String actor) {}

    /** A held router lock; closing it releases the lock (idempotent). */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /** Refused after the wait: another run holds the router. */
    final class RouterBusy extends RuntimeException {
        private final transient Holder holder;

        public RouterBusy(String key, Holder holder) {
            super("another Portcullis run holds this router (" + key + ": run " + holder.runId() + ", actor "
                    + holder.actor() + ")");
            this.holder = holder;
        }

        public Holder holder() {
            return holder;
        }
    }

    /**
     * Takes the lock of {@code key}, waiting up to {@code wait} while another run holds it.
     *
     * @throws RouterBusy when it is still held after the wait
     * @throws RouterMemory.MemoryException when the place the locks are kept cannot be used (nothing is held then)
     */
    Lease acquire(String key, Holder me, Duration wait);

    /** The lock key of a router: its address as the inventory gives it, host:port, lower case. */
    static String key(Device d) {
        return d.hostname().toLowerCase(Locale.ROOT) + ":" + d.port();
    }

    /** Locks of this JVM only (shared by every engine in it). */
    static RouterLocks inProcess() {
        return InProcessLocks.JVM;
    }
}
