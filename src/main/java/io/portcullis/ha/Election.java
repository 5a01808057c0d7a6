package io.portcullis.ha;

import java.util.Optional;

/** Which replica leads. Exactly one replica leads at a time; a follower knows the leader's name when the database says. */
public interface Election extends AutoCloseable {

    /** Told when this replica starts and stops leading; called on the election's thread, so it must return quickly. */
    interface Listener {
        void elected();

        void deposed();
    }

    /** Starts electing; the listener hears about every change from now on. */
    void start(Listener listener);

    boolean leading();

    /** This replica's name ({@code portcullis.replica}). */
    String replica();

    /** The leading replica's name, when known (this replica's own while it leads). */
    Optional<String> leader();

    /** One line for the start-up log and the health check: how leadership is decided. */
    String describe();

    @Override
    void close();
}
