/**
 * What the engine works on: {@link io.portcullis.engine.targets.Target}, one router paired with what the policy
 * compiles to for it (intent and promise). The bottom of the engine: every room (router sessions, reports, plan,
 * apply, drift) names its router by a target, so it lives below all of them.
 *
 * <p>May import {@code compile}, {@code intent}, {@code inventory}; no engine room. (Plural on purpose: a source
 * directory named {@code target} is ignored by git like Maven's build output.)
 */
package io.portcullis.engine.targets;
