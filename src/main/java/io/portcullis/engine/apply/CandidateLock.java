package io.portcullis.engine.apply;

import io.portcullis.engine.report.Reason;
import io.portcullis.engine.router.Datastore;
import io.portcullis.engine.router.Observed;
import io.portcullis.engine.router.RouterException;
import io.portcullis.engine.router.RouterSession;
import io.portcullis.engine.targets.Target;
import io.portcullis.platform.PlatformAdapter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Taking the candidate lock for a transaction: retried with jittered backoff while another session holds
 * it, and refused (never discarded) when the candidate holds someone else's uncommitted edits.
 */
final class CandidateLock {
    /** Why the lock was not taken: a stable reason code and one sentence. */
    record Refusal(Reason reason, String message) {}

    private CandidateLock() {}

    /** Locks the candidate; returns null when locked with a clean candidate, else the refusal (nothing locked then). */
    static Refusal acquire(RouterSession s, Target t, PlatformAdapter platform, ApplyOptions opts, Observed before) {
        for (int attempt = 1; ; attempt++) {
            try {
                s.lock(Datastore.CANDIDATE);
                break;
            } catch (RouterException e) {
                if (e.sessionGone() || e.unreachable()) {
                    throw e;
                }
                // servers refuse a dirty candidate differently (lock-denied, resource-denied): look, never discard
                if (dirty(s, t, platform, before)) {
                    return new Refusal(
                            Reason.FOREIGN_UNCOMMITTED_CHANGES,
                            t.name()
                                    + " holds someone else's uncommitted candidate changes; they were left untouched, ask their owner to commit or discard them");
                }
                boolean busy = e.kind() == RouterException.Kind.LOCK_DENIED || "in-use".equals(e.errorTag());
                if (!busy) {
                    return new Refusal(
                            Reason.LOCK_FAILED,
                            "the candidate of " + t.name() + " could not be locked: " + e.getMessage());
                }
                if (attempt >= opts.lockAttempts()) {
                    String holder = e.holder() != null
                            ? e.holder()
                            : "in-use".equals(e.errorTag())
                                    ? "another session (a confirmed commit is pending)"
                                    : "another session";
                    return new Refusal(
                            Reason.LOCKED_BY,
                            "the candidate of " + t.name() + " is locked by " + holder
                                    + "; retry when it is released (Portcullis never kills other sessions)");
                }
                sleep(opts.lockBackoff().toMillis() * attempt
                        + ThreadLocalRandom.current()
                                .nextLong(1 + opts.lockBackoff().toMillis()));
            }
        }
        if (dirty(s, t, platform, before)) {
            s.unlock(Datastore.CANDIDATE);
            return new Refusal(
                    Reason.FOREIGN_UNCOMMITTED_CHANGES,
                    t.name()
                            + " holds someone else's uncommitted candidate changes; they were left untouched, ask their owner to commit or discard them");
        }
        return null;
    }

    private static boolean dirty(RouterSession s, Target t, PlatformAdapter platform, Observed running) {
        try {
            return !Observed.read(s, t, platform, Datastore.CANDIDATE).digest().equals(running.digest());
        } catch (RouterException e) {
            return false;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
