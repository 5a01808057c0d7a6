package io.portcullis.store;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run as it begins. {@code kind}: plan, apply, drift, recover, remediation, drift-check (serve's scheduled,
 * notification-driven or API-triggered checks; {@code trigger} names which). {@code options}: the rollout
 * options that matter (canary, batch, parallel, max-failures, on-failure, confirm-timeout, trigger, …).
 */
public record RunStart(
        String id,
        String kind,
        Instant startedAt,
        String toolVersion,
        Who who,
        What what,
        Map<String, String> options) {
    public RunStart {
        what = what == null ? What.UNKNOWN : what;
        options = options == null ? Map.of() : Map.copyOf(new TreeMap<>(options));
    }
}
