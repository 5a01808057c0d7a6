/**
 * Read-only planning: read each router's managed subtree, compare it with the intent, explain the change and its
 * packet-fate delta ({@link io.portcullis.engine.plan.Planner}), and bind the result to the router's state in a
 * saved plan file ({@link io.portcullis.engine.plan.PlanFile}). Also what plan, apply and drift share: the
 * {@link io.portcullis.engine.plan.EngineContext} of a run and the {@link io.portcullis.engine.plan.PolicyProver} port.
 *
 * <p>May import {@code engine.router}, {@code engine.report}, {@code engine.targets}, {@code diff}, {@code verify},
 * {@code platform}.
 * Never locks, edits or commits (the lab tests assert this on the simulator's RPC log).
 */
package io.portcullis.engine.plan;
