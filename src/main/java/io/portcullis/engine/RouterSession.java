package io.portcullis.engine;

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

    @Override
    void close();

    default boolean hasCapability(String prefix) {
        return capabilities().stream().anyMatch(c -> c.startsWith(prefix));
    }

    String CANDIDATE = "urn:ietf:params:netconf:capability:candidate:1.0";
    String CONFIRMED_COMMIT_10 = "urn:ietf:params:netconf:capability:confirmed-commit:1.0";
    String CONFIRMED_COMMIT_11 = "urn:ietf:params:netconf:capability:confirmed-commit:1.1";
    String VALIDATE = "urn:ietf:params:netconf:capability:validate:";
}
