package io.portcullis.store;

import java.time.Instant;

/**
 * What one owned term of one router matched during one sampling interval ({@code pcl_counter_sample}, migration V7).
 *
 * @param family    {@code ipv4} or {@code ipv6}
 * @param drops     the term discards (a drop chart's series) rather than accepts
 * @param packets   packets matched between {@code from} and {@code to}
 * @param bytes     bytes matched, or null where the platform counts packets only
 * @param sampledBy the replica that sampled it (null: not known yet, filled in by the writer)
 */
public record CounterDelta(
        String router,
        String family,
        String term,
        boolean drops,
        Instant from,
        Instant to,
        long packets,
        Long bytes,
        String sampledBy) {}
