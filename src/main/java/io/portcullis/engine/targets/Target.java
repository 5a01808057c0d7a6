package io.portcullis.engine.targets;

import io.portcullis.compile.CompiledRouter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Promise;
import io.portcullis.inventory.Device;

/** One router and what the policy compiles to for it. */
public record Target(Device device, FilterIntent intent, Promise promise) {
    /** The compiler's answer for one device as the engine takes it (the one place that rewraps it). */
    public static Target of(CompiledRouter compiled) {
        return new Target(compiled.device(), compiled.intent(), compiled.promise());
    }

    public String name() {
        return device.name();
    }
}
