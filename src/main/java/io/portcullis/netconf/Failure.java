package io.portcullis.netconf;

/** Why a NETCONF operation failed; callers branch on this, never on message text. */
public enum Failure {
    /** TCP connection refused (RST): nothing listens there. */
    CONNECT_REFUSED,
    /** TCP connect or SSH handshake did not finish in time (blackhole, filtering, slow peer). */
    CONNECT_TIMEOUT,
    /** Other network error while connecting (unreachable host, DNS, reset). */
    CONNECT_FAILED,
    /** The server rejected our credentials. */
    AUTH_FAILED,
    /** The host key is not in known_hosts and the policy is strict: refused. */
    HOST_KEY_UNKNOWN,
    /** The host key differs from the one in known_hosts: refused. An alarm, possibly an attack. */
    HOST_KEY_CHANGED,
    /** No mutually acceptable SSH algorithm under our policy (weak algorithms refused). */
    ALGORITHM_REFUSED,
    /** The server offers no "netconf" subsystem. */
    SUBSYSTEM_UNAVAILABLE,
    /** Bad hello: none in time, chunked, no session-id, no common base version. */
    HELLO_FAILED,
    /** RFC 6242 framing violated, or a message exceeded a cap, or a message was not well-formed XML. */
    FRAMING,
    /** Replies no longer match requests (unknown, missing or duplicate message-id, unexpected message). */
    PROTOCOL_DESYNC,
    /** The RPC's absolute deadline passed before its reply arrived. */
    RPC_TIMEOUT,
    /** The session is closed (by us, by the peer, or after an earlier failure). */
    SESSION_CLOSED,
    /** The server does not advertise a capability the operation needs. */
    MISSING_CAPABILITY,
    /** The server answered with rpc-error(s); see {@link RpcErrorException#errors()}. */
    RPC_ERROR,
    /** Too many unread notifications queued (the consumer stopped reading). */
    NOTIFICATION_OVERFLOW,
    /** Local problem (unreadable key file, bad settings). */
    LOCAL
}
