/**
 * The engine's front door: {@link io.portcullis.engine.Engine} runs plan, apply, drift and recover for the CLI,
 * the REST API and {@code serve}; {@link io.portcullis.engine.Workspace} loads policy and inventory and compiles
 * them into {@link io.portcullis.engine.targets.Target}s; {@link io.portcullis.engine.VerifierProver} is the
 * verifier as the engine's prover of read-backs.
 *
 * <p>The work itself lives in rooms, each with one job and arrows pointing one way:
 * {@code drift → apply → plan → router, report → target}. The rooms never import this package (it imports them):
 * the value types they share live in the rooms, {@code Target} in {@code engine.targets}, what a run shares
 * ({@code EngineContext}: connector, platforms, explainer, prover) in {@code engine.plan}.
 */
package io.portcullis.engine;
