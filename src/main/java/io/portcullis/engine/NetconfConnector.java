package io.portcullis.engine;

import io.portcullis.inventory.Device;

/**
 * Sessions over our NETCONF client. TEMPORARY until io.portcullis.netconf's SSH session API lands
 * on main: every open fails with a clear message.
 */
public final class NetconfConnector implements RouterConnector {
    private NetconfConnector() {
    }

    public static NetconfConnector create(boolean verbose) {
        return new NetconfConnector();
    }

    @Override
    public RouterSession open(Device device) {
        throw new RouterException(RouterException.Kind.PROTOCOL, "the NETCONF client is not part of this build yet; cannot reach " + device.name());
    }

    @Override
    public void close() {
    }
}
