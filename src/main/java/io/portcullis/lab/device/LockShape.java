package io.portcullis.lab.device;

/** How a device reports a lock held by someone else (semantics-and-tests A.3: real devices differ). */
public enum LockShape {
    /** {@code <error-info><session-id>N</session-id>} with the holder's NETCONF session id */
    NUMERIC,
    /** {@code <session-id>0</session-id>}: a non-NETCONF holder (CLI) */
    ZERO,
    /** text inside session-id (Vyatta: "session is locked by 12969") */
    TEXT,
    /** no session-id; the holder only in error-message (Junos: "configuration database locked by: …") */
    JUNOS_MESSAGE
}
