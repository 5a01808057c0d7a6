package io.portcullis.engine.apply;

import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.router.Observed;
import io.portcullis.engine.router.RouterException;
import io.portcullis.engine.router.RouterSession;

/**
 * One router held in its confirm window under {@code --on-failure revert}: committed, read back and
 * proven, its session still open (and its candidate locked). The run extends the window until it
 * decides, then confirms or cancels. Synchronized: the keeper thread and the decision share the session.
 */
final class PendingConfirm {
    private final String router;
    private final Confirmation confirmation;
    private final Revert revert;
    private final RouterSession session;
    private final Observed before;
    private final boolean cc11;
    private final String persist;
    private final int timeoutSeconds;
    private long lastExtended = System.nanoTime();
    private RouterException lost;

    PendingConfirm(
            String router,
            Confirmation confirmation,
            Revert revert,
            RouterSession session,
            Observed before,
            boolean cc11,
            String persist,
            int timeoutSeconds) {
        this.router = router;
        this.confirmation = confirmation;
        this.revert = revert;
        this.session = session;
        this.before = before;
        this.cc11 = cc11;
        this.persist = persist;
        this.timeoutSeconds = timeoutSeconds;
    }

    String router() {
        return router;
    }

    /**
     * Re-issues the confirmed commit (same session; by persist-id when persistent) once a third of the
     * window has passed: RFC 6241 §8.4.5.1 resets the timer. Returns why it failed, or null.
     */
    synchronized String extendIfDue() {
        if (lost != null) {
            return null;
        }
        if (System.nanoTime() - lastExtended < timeoutSeconds * 1_000_000_000L / 3) {
            return null;
        }
        try {
            if (persist != null) {
                session.extendPersistent(timeoutSeconds, persist);
            } else {
                session.commitConfirmed(timeoutSeconds);
            }
            lastExtended = System.nanoTime();
            return null;
        } catch (RouterException e) {
            lost = e;
            return "the confirm window of " + router() + " could not be extended (" + e.getMessage() + ")";
        }
    }

    synchronized RouterOutcome confirm() {
        return confirmation.confirmNow(session, before);
    }

    synchronized RouterOutcome cancel(String why) {
        if (lost != null && lost.sessionGone()) {
            Transaction.closeQuietly(session);
            // non-persistent: the router reverted when the session ended; persistent: cancel by token on a new session
            return persist == null ? revert.verified(before, why) : revert.afterCommit(null, before, cc11, why);
        }
        return revert.afterCommit(session, before, cc11, why);
    }
}
