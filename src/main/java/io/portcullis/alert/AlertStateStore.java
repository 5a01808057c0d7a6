package io.portcullis.alert;

import java.util.List;
import java.util.Optional;

/**
 * Where open alerts (and the failed-check counts that lead to one) live between checks: in memory for a service
 * without a database ({@link InMemoryAlertStateStore}); the database-backed implementation makes a restart or a failover keep each open alert (same startsAt, fingerprint, changedBy,
 * no re-fire) and still deliver a resolve that was decided but not yet sent. Every call is one small,
 * independent write or read, so an implementation can map each to one SQL statement.
 */
public interface AlertStateStore {
    Optional<AlertState> find(String fingerprint);

    /** Every alert still open or still to be delivered, oldest first. */
    List<AlertState> all();

    /** Inserts or replaces the alert with this fingerprint. */
    void save(AlertState state);

    /** Forgets an alert once its resolve has reached every sink. */
    void delete(String fingerprint);

    /**
     * Consecutive failed checks of the router since its last good one (0: none), the count behind
     * PortcullisRouterUnreachable: kept here so a restart or a failover goes on counting instead of starting at zero.
     */
    int failedChecks(String router);

    /** Sets the router's count of consecutive failed checks; 0 forgets it. */
    void failedChecks(String router, int count);
}
