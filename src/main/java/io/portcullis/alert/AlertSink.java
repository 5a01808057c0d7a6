package io.portcullis.alert;

/** Somewhere alerts go. Implementations must not log secrets (URLs with tokens are redacted). */
public interface AlertSink {
    String name();

    /** Delivers or throws {@link AlertDeliveryException} with one clear sentence. */
    void send(Alert alert);

    /**
     * True when the receiver forgets alerts that are not sent again (Alertmanager resolves an alert not re-sent
     * within its resolve_timeout): open alerts then go out every resend interval, not only when they change.
     */
    default boolean resends() {
        return false;
    }
}
