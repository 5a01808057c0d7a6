package io.portcullis.engine.router;

import java.util.Set;

/**
 * The NETCONF operations the engine needs from one session to one router. The engine is written
 * against this small port; {@link NetconfConnector} implements it with our NETCONF client, tests may
 * wrap it to inject faults. Every method throws {@link RouterException} with a classified kind.
 */
public interface RouterSession extends AutoCloseable {
    Set<String> capabilities();

    /** get-config with a subtree filter (the children of {@code <filter type="subtree">}); returns the {@code <data>} element. */
    String getConfig(Datastore source, String subtreeFilter);

    void lock(Datastore target);

    void unlock(Datastore target);

    /** edit-config, default-operation merge; {@code config} is a {@code <config>} element. */
    void editConfig(Datastore target, String config);

    void validate(Datastore source);

    void commitConfirmed(int timeoutSeconds);

    void commit();

    /** cancel-commit (:confirmed-commit:1.1 only). */
    void cancelCommit();

    void discardChanges();

    /**
     * A persistent confirmed commit (:confirmed-commit:1.1 {@code <persist>}): it survives the end of this
     * session and is confirmed, extended or cancelled by whoever presents the token. The token is a
     * capability: implementations never put it into messages or logs.
     */
    default void commitConfirmedPersistent(int timeoutSeconds, String persist) {
        throw new RouterException(
                RouterException.Kind.RPC_ERROR, "persistent confirmed commit is not supported by this session");
    }

    /** A follow-up confirmed commit of a pending persistent one (resets its timer; RFC 6241 §8.4.5.1). */
    default void extendPersistent(int timeoutSeconds, String persistId) {
        throw new RouterException(
                RouterException.Kind.RPC_ERROR, "persistent confirmed commit is not supported by this session");
    }

    /** The confirming commit of a pending persistent confirmed commit, from any session. */
    default void confirmPersistent(String persistId) {
        throw new RouterException(
                RouterException.Kind.RPC_ERROR, "persistent confirmed commit is not supported by this session");
    }

    /** cancel-commit of a pending persistent confirmed commit, from any session. */
    default void cancelPersistent(String persistId) {
        throw new RouterException(
                RouterException.Kind.RPC_ERROR, "persistent confirmed commit is not supported by this session");
    }

    /**
     * What a report must show about how this router was reached (D.6 #44), one sentence each; empty when
     * nothing is worth saying (and for sessions that are not SSH).
     */
    default java.util.List<String> transportWarnings() {
        return java.util.List.of();
    }

    /** copy-config running → startup (:startup devices keep running across a reboot only after it). */
    default void copyRunningToStartup() {
        throw new RouterException(
                RouterException.Kind.RPC_ERROR, "copy-config to startup is not supported by this session");
    }

    /**
     * A read-only operation (a {@code <get>} of operational state, a vendor "show" RPC) sent as is; returns the
     * whole {@code <rpc-reply>}. Counters are read this way: the engine never interprets them itself.
     */
    default String readOperational(String operationXml) {
        throw new RouterException(
                RouterException.Kind.RPC_ERROR, "reading operational state is not supported by this session");
    }

    @Override
    void close();

    default boolean hasCapability(String prefix) {
        return capabilities().stream().anyMatch(c -> c.startsWith(prefix));
    }

    String CANDIDATE = "urn:ietf:params:netconf:capability:candidate:1.0";
    String CONFIRMED_COMMIT_10 = "urn:ietf:params:netconf:capability:confirmed-commit:1.0";
    String CONFIRMED_COMMIT_11 = "urn:ietf:params:netconf:capability:confirmed-commit:1.1";
    String VALIDATE = "urn:ietf:params:netconf:capability:validate:";
    String STARTUP = "urn:ietf:params:netconf:capability:startup:1.0";
}
