/**
 * Changing routers safely: the per-router {@link io.portcullis.engine.apply.Transaction} (lock, edit, confirmed
 * commit, read back, prove, confirm; its states are the classes named in its javadoc), the fleet {@link io.portcullis.engine.apply.Rollout} (canary, batches,
 * failure budget), the two-phase {@link io.portcullis.engine.apply.TwoPhaseRun} with its write-ahead
 * {@link io.portcullis.engine.apply.Journal}, and {@link io.portcullis.engine.apply.Recovery} of what a crashed run
 * left pending.
 *
 * <p>May import {@code engine.plan}, {@code engine.router}, {@code engine.report}, {@code engine.targets}, {@code diff},
 * {@code platform}.
 */
package io.portcullis.engine.apply;
