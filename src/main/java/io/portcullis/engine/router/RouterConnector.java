package io.portcullis.engine.router;

import io.portcullis.inventory.Device;

/** Opens NETCONF sessions to routers (thread-safe; one instance serves a whole run). */
public interface RouterConnector extends AutoCloseable {
    RouterSession open(Device device);

    /**
     * Opens a dedicated session subscribed to the NETCONF stream and calls {@code onChange} for each
     * netconf-config-change. Throws {@link RouterException} when the router cannot be reached or has
     * no notification support.
     */
    default Subscription subscribe(Device device, java.util.function.Consumer<ConfigChange> onChange) {
        throw new RouterException(
                RouterException.Kind.PROTOCOL, device.name() + ": notifications are not supported by this connector");
    }

    @Override
    default void close() {}
}
