package io.portcullis.netconf;

/** How the server's SSH host key is checked against the OpenSSH known_hosts file. */
public enum HostKeyPolicy {
    /** Unknown key → refuse; changed key → refuse with {@link Failure#HOST_KEY_CHANGED}. The default. */
    STRICT,
    /** Unknown key → accept and append to known_hosts (enrolment); changed key → refuse. */
    ACCEPT_NEW,
    /** No checking at all. Labs only; every connection logs a WARNING and reports it in {@link TransportInfo}. */
    OFF
}
