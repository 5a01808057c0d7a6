package io.portcullis.guard;

import io.portcullis.engine.memory.RouterLocks;

/**
 * Router locks shared with other processes through the database ({@link DatabaseRouterLocks}: rows;
 * {@link AdvisoryRouterLocks}: PostgreSQL advisory locks in sessions of their own), closed with the guard, before its
 * pool.
 */
public interface SharedRouterLocks extends RouterLocks, AutoCloseable {
    /** Lets go of what this process still holds or was about to release; never throws. */
    @Override
    void close();
}
