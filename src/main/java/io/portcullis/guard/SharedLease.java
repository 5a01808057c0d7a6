package io.portcullis.guard;

import io.portcullis.engine.memory.RouterLocks.Lease;

/**
 * A router held across processes, on top of this JVM's lock of it: closing releases the shared lock
 * ({@link #releaseShared}) and then, whatever that did, this JVM's; a second close does nothing.
 */
abstract class SharedLease implements Lease {
    private final Lease local;
    private boolean released;

    SharedLease(Lease local) {
        this.local = local;
    }

    /** Lets go of the lock other processes see (a lock file, a row, an advisory lock), or queues that. */
    protected abstract void releaseShared();

    @Override
    public final synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            releaseShared();
        } finally {
            local.close();
        }
    }
}
