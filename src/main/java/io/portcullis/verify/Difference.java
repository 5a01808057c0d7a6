package io.portcullis.verify;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A packet the compared configurations classify differently, with each one's verdict (keyed by
 * platform, or "platform@attach-point" when one configuration treats its attach points differently).
 *
 * @param excusedBy the declared limitation that excuses it, or null for a real difference
 */
public record Difference(Packet packet, Map<String, Verdict> verdicts, PlatformLimitation excusedBy) {
    public Difference {
        verdicts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(verdicts));
    }

    public String describe() {
        return packet.describe() + ": "
                + verdicts.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().fate().label() + " ("
                                + e.getValue().decidedBy() + ")")
                        .collect(Collectors.joining(", "))
                + (excusedBy == null
                        ? ""
                        : " [excused: " + excusedBy.platform() + " "
                                + excusedBy.feature().id()
                                + (excusedBy.reason() == null ? "" : ", " + excusedBy.reason()) + "]");
    }
}
