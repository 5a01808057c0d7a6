package io.portcullis.lab.device;

/** Misbehaving hellos (semantics-and-tests D.1 #8, D.2 #16). */
public enum HelloFault {
    NONE,
    /** the server never sends its hello */
    NEVER,
    /** the hello comes only after {@link Faults#helloDelay()} */
    DELAYED,
    /** the hello is chunk-framed (illegal) */
    CHUNKED,
    /** the hello lists no base capability the client can share */
    NO_COMMON_BASE,
    /** the hello lacks a session-id */
    NO_SESSION_ID,
    /** the server offers base:1.0 only, so the session stays end-of-message framed */
    BASE_10_ONLY
}
