package io.portcullis.lab.device;

/**
 * Who holds a datastore lock: a NETCONF session, or a non-NETCONF holder (session 0, e.g. the CLI).
 * {@code shape} decides how a lock-denied reply reports it.
 */
public record LockHolder(int sessionId, String username, LockShape shape) {
    public boolean isNetconf() {
        return sessionId > 0;
    }
}
