/**
 * The prover: decides packet by packet whether a {@link io.portcullis.intent.FilterIntent} keeps a
 * {@link io.portcullis.intent.Promise} ({@link io.portcullis.verify.Verifier}: a {@link io.portcullis.verify.Proof}
 * or counterexample packets), and whether several platforms classify every packet alike
 * ({@link io.portcullis.verify.Equivalence}). It reasons over packet spaces, not samples.
 *
 * <p>Imports {@code intent} only (ArchitectureTest {@code verifierDependsOnIntentOnly}), so the proof cannot lean on
 * the renderer or reader it is checking.
 */
package io.portcullis.verify;
