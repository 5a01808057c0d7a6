package io.portcullis.netconf;

import java.util.List;
import java.util.Optional;

/** The server answered with at least one rpc-error of severity error. All errors and warnings are kept, in order. */
public class RpcErrorException extends NetconfException {
    private static final long serialVersionUID = 1L;
    private final transient List<RpcError> errors;
    private final String operation;

    public RpcErrorException(String operation, List<RpcError> errors) {
        super(Failure.RPC_ERROR, describe(operation, errors));
        this.operation = operation;
        this.errors = List.copyOf(errors);
    }

    private static String describe(String operation, List<RpcError> errors) {
        List<RpcError> real = errors.stream().filter(e -> !e.isWarning()).toList();
        RpcError first = real.isEmpty() ? errors.get(0) : real.get(0);
        String more = real.size() > 1 ? " (and " + (real.size() - 1) + " more error(s))" : "";
        return "server refused " + operation + ": " + first.summary() + more;
    }

    public String operation() {
        return operation;
    }

    /** Every rpc-error of the reply, warnings included, in document order. */
    public List<RpcError> errors() {
        return errors;
    }

    public boolean hasTag(String tag) {
        return errors.stream().anyMatch(e -> !e.isWarning() && tag.equals(e.tag()));
    }

    public boolean isLockDenied() {
        return hasTag("lock-denied");
    }

    /** Device state may be unknown: a distinct terminal condition. */
    public boolean isRollbackFailed() {
        return hasTag("rollback-failed");
    }

    public Optional<LockHolder> lockHolder() {
        return errors.stream()
                .map(RpcError::lockHolder)
                .flatMap(Optional::stream)
                .findFirst();
    }
}
