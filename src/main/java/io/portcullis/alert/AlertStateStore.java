package io.portcullis.alert;

import java.util.List;
import java.util.Optional;

/**
 * Where open alerts live between checks. In memory today ({@link InMemoryAlertStateStore}); a database-backed
 * implementation makes a restart or a failover keep each open alert (same startsAt, fingerprint, changedBy,
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
}
