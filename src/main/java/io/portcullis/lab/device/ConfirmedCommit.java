package io.portcullis.lab.device;

import io.portcullis.lab.datastore.AppliedEdit;
import io.portcullis.lab.datastore.DataError;
import io.portcullis.lab.datastore.SimDatastore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Confirmed commit state of one device (RFC 6241 §8.4): the pre-image, the timer, the owning session
 * (non-persistent) or the persist token. Always called under the device monitor.
 */
final class ConfirmedCommit {
    private final SimDevice device;
    private final ScheduledExecutorService timers;
    private SimDatastore preImage;
    private int ownerSession;
    private String persist;
    private ScheduledFuture<?> timer;
    private long generation;

    ConfirmedCommit(SimDevice device, ScheduledExecutorService timers) {
        this.device = device;
        this.timers = timers;
    }

    boolean pending() {
        return preImage != null;
    }

    /**
     * May this session follow up, confirm or cancel? Returns null if so, or the error. Non-persistent
     * commits belong to their session; persistent ones to whoever presents the token.
     */
    DataError checkAccess(int sessionId, String persistId) {
        if (persist != null) {
            if (persistId == null) {
                return DataError.protocol(
                        "in-use", "a persistent confirmed commit is pending; give its persist-id", Map.of());
            }
            if (!persist.equals(persistId)) {
                return new DataError(
                        "protocol",
                        "invalid-value",
                        "error",
                        null,
                        null,
                        "persist-id does not match the pending confirmed commit",
                        Map.of("bad-element", "persist-id"));
            }
            return null;
        }
        if (persistId != null) {
            return new DataError(
                    "protocol",
                    "invalid-value",
                    "error",
                    null,
                    null,
                    "no persistent confirmed commit is pending",
                    Map.of("bad-element", "persist-id"));
        }
        if (ownerSession != sessionId) {
            return new DataError(
                    "protocol",
                    "in-use",
                    "error",
                    null,
                    null,
                    "a confirmed commit of session " + ownerSession + " is pending",
                    Map.of("session-id", String.valueOf(ownerSession)));
        }
        return null;
    }

    /** The confirm-timeout of the latest confirmed commit (what a client asked for), or 0 before any. */
    volatile long lastTimeoutSeconds;

    /** A confirmed commit (first or follow-up): running already holds the new config when this is called. */
    void start(
            SimDatastore before, int sessionId, String persistToken, long timeoutSeconds, Notifications.ChangedBy by) {
        lastTimeoutSeconds = timeoutSeconds;
        boolean followUp = pending();
        if (!followUp) {
            preImage = before;
        }
        ownerSession = sessionId;
        if (persistToken != null) {
            persist = persistToken;
        } else if (!followUp) {
            persist = null;
        }
        schedule(timeoutSeconds);
        device.notifySubscribers(Notifications.confirmedCommit(by, followUp ? "extend" : "start", timeoutSeconds));
    }

    /** The confirming commit. */
    void complete(Notifications.ChangedBy by) {
        clear();
        device.notifySubscribers(Notifications.confirmedCommit(by, "complete", null));
    }

    /** cancel-commit, or the owning session ended: revert now. */
    void cancel(Notifications.ChangedBy by) {
        revert();
        device.notifySubscribers(Notifications.confirmedCommit(by, "cancel", null));
    }

    void sessionEnded(int sessionId) {
        if (pending() && persist == null && ownerSession == sessionId) {
            cancel(Notifications.ChangedBy.SERVER);
        }
    }

    void abandonForReboot() {
        if (pending()) {
            revert();
        }
    }

    private void schedule(long seconds) {
        if (timer != null) {
            timer.cancel(false);
        }
        long gen = ++generation;
        timer = timers.schedule(
                () -> {
                    synchronized (device) {
                        if (gen == generation && pending()) {
                            revert();
                            device.notifySubscribers(
                                    Notifications.confirmedCommit(Notifications.ChangedBy.SERVER, "timeout", null));
                        }
                    }
                },
                seconds,
                TimeUnit.SECONDS);
    }

    /** Running (and the candidate, like Huawei) go back to the pre-image; subscribers see the change. */
    private void revert() {
        SimDatastore back = preImage;
        clear();
        device.running.replaceContent(back);
        device.candidate.replaceContent(back);
        device.candidateDirtyBy.clear();
        device.candidateEdits.clear();
        device.notifySubscribers(
                Notifications.configChange(Notifications.ChangedBy.SERVER, "running", List.<AppliedEdit>of()));
    }

    private void clear() {
        if (timer != null) {
            timer.cancel(false);
        }
        timer = null;
        generation++;
        preImage = null;
        persist = null;
        ownerSession = 0;
    }
}
