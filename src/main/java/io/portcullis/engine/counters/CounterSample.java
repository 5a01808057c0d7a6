package io.portcullis.engine.counters;

import io.portcullis.counters.CounterRead;
import java.time.Instant;

/**
 * One router's counters at one moment.
 *
 * @param source the operational path or RPC read (null when the platform has no counter model)
 */
public record CounterSample(String router, String platform, Instant at, CounterRead read, String source) {}
