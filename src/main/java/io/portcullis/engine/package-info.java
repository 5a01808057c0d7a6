/**
 * The engine's front door: {@link io.portcullis.engine.Engine} runs plan, apply, drift and recover for the CLI,
 * the REST API and {@code serve}; {@link io.portcullis.engine.Workspace} loads policy and inventory and compiles
 * them into {@link io.portcullis.engine.Target}s; {@link io.portcullis.engine.EngineContext} carries what every
 * run shares (connector, prover, clock).
 *
 * <p>The work itself lives in rooms, each with one job and arrows pointing one way:
 * {@code drift → apply → plan → router, report}. The rooms may use this package's value types ({@code Target},
 * {@code EngineContext}); nothing here reaches into a room's internals.
 */
package io.portcullis.engine;
