package io.portcullis.compile;

import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Promise;
import io.portcullis.inventory.Device;

/**
 * The compiler's answer for one device: the IR to render and the promise the verifier proves it
 * against. A device outside the policy's scope has an intent with no filters and no bindings and
 * a promise with no blocked flows.
 */
public record CompiledRouter(Device device, FilterIntent intent, Promise promise) {

    public String name() {
        return device.name();
    }

    /** False when the policy's scope does not select this device (nothing is rendered for it). */
    public boolean inScope() {
        return !intent.filters().isEmpty();
    }
}
