package io.portcullis.engine;

import io.portcullis.inventory.Device;

/** Opens NETCONF sessions to routers (thread-safe; one instance serves a whole run). */
public interface RouterConnector extends AutoCloseable {
    RouterSession open(Device device);

    @Override
    default void close() {
    }
}
