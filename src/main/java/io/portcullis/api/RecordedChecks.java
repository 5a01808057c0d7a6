package io.portcullis.api;

import io.portcullis.engine.drift.RouterStatus;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which routers a scheduled full check records into the run history. A row per router per check would add 288,000 rows
 * a day at 1,000 routers every 5 minutes (about 115 million at the 400-day retention) saying the same thing: so a
 * scheduled check records a router only when its state differs from the check last recorded for it by this replica
 * (the digest {@link RouterStateSharing#row} computes: status, fingerprint, changes, impact, error, revisions and
 * author, without the check's time, length and trigger). Every other check (start-up, failover, reload, after an
 * apply, API request, notification) records every router and resets what is remembered, so each leader term starts
 * from a complete baseline and a replica that led before does not trust what it recorded then.
 */
final class RecordedChecks {
    /** The trigger of serve's periodic full check ({@link DriftSchedule}). */
    static final String SCHEDULE = "schedule";

    /** Per router the digest of the state last recorded in a drift-check run by this replica. */
    private final Map<String, String> recorded = new ConcurrentHashMap<>();

    /** Whether a check with this trigger records only the routers that changed. */
    static boolean periodic(String trigger) {
        return SCHEDULE.equals(trigger);
    }

    /** Whether {@code s} must be recorded: always, unless the check is periodic and the state is as last recorded. */
    boolean record(String trigger, RouterStatus s) {
        String digest = digest(s);
        String before = recorded.put(s.router(), digest);
        return !periodic(trigger) || !digest.equals(before);
    }

    /** Routers no longer watched, or whose recorded row may be lost (the buffer dropped writes): recorded in full next time. */
    void forget(Collection<String> routers) {
        recorded.keySet().removeAll(routers);
    }

    void forgetAll() {
        recorded.clear();
    }

    private static String digest(RouterStatus s) {
        return RouterStateSharing.row(s).digest();
    }
}
