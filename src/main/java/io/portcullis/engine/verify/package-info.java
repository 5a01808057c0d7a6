/**
 * The offline verify pipeline, usable by the command line and the service alike: per device, prove
 * the compiled IR, render it, read the payload back with the platform's reader and prove the
 * read-back ({@link io.portcullis.engine.verify.RouterVerification}); then check that the platforms
 * classify every packet alike ({@link io.portcullis.engine.verify.CrossPlatformCheck}); the whole run
 * and its stable JSON document ({@link io.portcullis.engine.verify.VerifyRun},
 * {@link io.portcullis.engine.verify.VerifyJson}). No router is contacted.
 *
 * <p>May import {@code verify}, {@code intent}, {@code platform}, {@code inventory} and the rest of
 * {@code engine}; never {@code cli} or {@code api} (they print what this computes).
 */
package io.portcullis.engine.verify;
