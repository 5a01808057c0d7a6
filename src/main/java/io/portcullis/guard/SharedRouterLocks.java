package io.portcullis.guard;

import io.portcullis.engine.memory.RouterLocks;

/**
 * Router locks shared with other processes through the database ({@link DatabaseRouterLocks}: rows;
 * {@link AdvisoryRouterLocks}: PostgreSQL advisory locks), closed before the pool they use.
 */
public interface SharedRouterLocks extends RouterLocks, AutoCloseable {
    /** Lets go of what this process still holds or was about to release; never throws. */
    @Override
    void close();
}
