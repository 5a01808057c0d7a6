package io.portcullis.engine.router;

/**
 * A classified failure talking to a router. The message is one sentence for users and never
 * carries secrets. {@code holder} is the lock holder for LOCK_DENIED ("session 12", "a non-NETCONF
 * user (session 0)"), {@code errorTag}/{@code errorPath} come from rpc-error when there was one.
 */
public class RouterException extends RuntimeException {
    public enum Kind {
        CONNECTION_REFUSED("connection refused"),
        TIMEOUT("timed out"),
        UNREACHABLE("unreachable"),
        AUTH_FAILED("authentication failed"),
        HOST_KEY("host key rejected"),
        LOCK_DENIED("lock denied"),
        RPC_ERROR("rpc-error"),
        ROLLBACK_FAILED("rollback failed"),
        SESSION_LOST("session lost"),
        PROTOCOL("protocol error"),
        UNREADABLE("unreadable configuration");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Kind kind;
    private final String errorTag;
    private final String errorPath;
    private final String holder;

    public RouterException(
            Kind kind, String message, String errorTag, String errorPath, String holder, Throwable cause) {
        // the message and the fields may quote the router: never more than one printable line each
        super(RouterText.oneLine(message), cause);
        this.kind = kind;
        this.errorTag = RouterText.oneLine(errorTag);
        this.errorPath = RouterText.oneLine(errorPath);
        this.holder = RouterText.oneLine(holder);
    }

    public RouterException(Kind kind, String message) {
        this(kind, message, null, null, null, null);
    }

    public Kind kind() {
        return kind;
    }

    public String errorTag() {
        return errorTag;
    }

    public String errorPath() {
        return errorPath;
    }

    public String holder() {
        return holder;
    }

    /** Whether the session cannot be used any more (the router may have reverted a pending commit). */
    public boolean sessionGone() {
        return kind == Kind.SESSION_LOST || kind == Kind.TIMEOUT || kind == Kind.PROTOCOL;
    }

    public boolean unreachable() {
        return kind == Kind.CONNECTION_REFUSED
                || kind == Kind.TIMEOUT
                || kind == Kind.UNREACHABLE
                || kind == Kind.AUTH_FAILED
                || kind == Kind.HOST_KEY;
    }
}
