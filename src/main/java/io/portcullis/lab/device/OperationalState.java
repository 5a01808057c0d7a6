package io.portcullis.lab.device;

import io.portcullis.lab.datastore.SimDatastore;
import org.w3c.dom.Element;

/**
 * Operational (config false) data a simulated device serves besides its configuration, plugged in from
 * outside the simulator (the lab's traffic model keeps per-entry match counters). Both methods run under
 * the device's monitor, so they see running as the RPC sees it.
 */
public interface OperationalState {

    /** Adds state nodes to {@code runningCopy} (a copy of running, thrown away after the reply) for {@code <get>}. */
    void addState(SimDevice device, SimDatastore runningCopy);

    /** Answers a vendor RPC (e.g. Junos {@code get-firewall-filter-information}); null when it is not one of this state's. */
    default Reply vendorRpc(SimDevice device, Element operation) {
        return null;
    }
}
