package io.portcullis.netconf;

import java.io.IOException;
import java.util.Objects;

/**
 * Every NETCONF failure, classified by {@link #failure()}. Messages are one sentence meant for an operator and never
 * contain credentials or key material.
 */
public class NetconfException extends IOException {
    private static final long serialVersionUID = 1L;
    private final Failure failure;

    public NetconfException(Failure failure, String message) {
        this(failure, message, null);
    }

    public NetconfException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure);
    }

    public Failure failure() {
        return failure;
    }

    /** A copy for another waiter (exceptions are not shared between threads' stacks). */
    NetconfException copy() {
        return new NetconfException(failure, getMessage(), this);
    }
}
