package io.portcullis.alert;

public class AlertDeliveryException extends RuntimeException {
    public AlertDeliveryException(String message) {
        super(message);
    }
}
