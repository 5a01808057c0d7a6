package io.portcullis.traffic;

import io.portcullis.lab.device.OperationalState;

/** The operational-state view of each platform's counters, keyed by inventory spelling. */
final class CounterStates {
    private CounterStates() {}

    static OperationalState of(String platform, RouterTraffic traffic) {
        return switch (platform) {
            case "openconfig" -> new OpenConfigState(traffic);
            case "ietf" -> new IetfState(traffic);
            case "sros" -> new SrosState(traffic);
            case "iosxr" -> new IosXrState(traffic);
            case "junos" -> new JunosState(traffic);
            case "vrp" -> new VrpState(traffic);
            default -> throw new IllegalArgumentException("no counter model for platform " + platform);
        };
    }
}
