package io.portcullis.netconf;

import java.util.List;
import java.util.Map;

/**
 * What the transport negotiated, for reports.
 *
 * @param algorithms negotiated algorithm per kind (kex, host key, cipher c2s/s2c, mac c2s/s2c)
 * @param weakAlgorithmsInUse negotiated algorithms that are only allowed because of a per-device exception
 * @param hostKeyFingerprint SHA-256 fingerprint of the server host key, or null
 * @param hostKeyCheckingOff true when host key checking was disabled for this device (lab only)
 */
public record TransportInfo(
        Map<String, String> algorithms,
        List<String> weakAlgorithmsInUse,
        String hostKeyFingerprint,
        boolean hostKeyCheckingOff) {
    public static final TransportInfo NONE = new TransportInfo(Map.of(), List.of(), null, false);

    public TransportInfo {
        algorithms = Map.copyOf(algorithms);
        weakAlgorithmsInUse = List.copyOf(weakAlgorithmsInUse);
    }
}
