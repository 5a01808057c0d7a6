package io.portcullis.alert;

/** Somewhere alerts go. Implementations must not log secrets (URLs with tokens are redacted). */
public interface AlertSink {
    String name();

    /** Delivers or throws {@link AlertDeliveryException} with one clear sentence. */
    void send(Alert alert);
}
