package io.portcullis.engine;

import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Promise;
import io.portcullis.inventory.Device;

/** One router and what the policy compiles to for it. */
public record Target(Device device, FilterIntent intent, Promise promise) {
    public String name() {
        return device.name();
    }
}
