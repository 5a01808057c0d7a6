package io.portcullis.engine.router;

/** A live notification subscription on a dedicated session; it ends when the session does. */
public interface Subscription extends AutoCloseable {
    boolean alive();

    @Override
    void close();
}
