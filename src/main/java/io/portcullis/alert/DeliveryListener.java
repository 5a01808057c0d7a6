package io.portcullis.alert;

/** Told about every delivery attempt, successful or not. Must be quick and must not throw. */
public interface DeliveryListener {
    DeliveryListener NONE = a -> {};

    void attempted(DeliveryAttempt attempt);
}
