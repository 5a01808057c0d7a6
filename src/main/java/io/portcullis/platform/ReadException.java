package io.portcullis.platform;

/** A payload or device reply could not be read as this platform's configuration. */
public class ReadException extends RuntimeException {
    public ReadException(String message) {
        super(message);
    }

    public ReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
