package io.portcullis.store;

/**
 * The database could not do what was asked. The message is one sentence for people (what, where, what to do)
 * and never contains a password, a token or a connection string with credentials.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message, null, false, false);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
