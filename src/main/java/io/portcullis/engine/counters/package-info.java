/**
 * Enforcement evidence at engine level: {@link io.portcullis.engine.counters.CounterSampler} reads every
 * router's match counters of the owned terms (read-only, one session and one RPC per router, through the
 * platform's {@link io.portcullis.counters.CounterReader}); {@link io.portcullis.engine.counters.CounterLedger}
 * keeps the last read so deltas are known; {@link io.portcullis.engine.counters.CounterReport} turns samples
 * into the {@code portcullis-counters/1} document and a one-line verdict per router. {@code serve} can call
 * the sampler on its own schedule; the CLI's {@code counters} command calls it once.
 *
 * <p>May import {@code counters}, {@code platform.registry}, {@code engine.router}, {@code engine.report},
 * {@code engine.targets} and {@code intent}; no other engine room, never {@code cli} or {@code api}.
 */
package io.portcullis.engine.counters;
