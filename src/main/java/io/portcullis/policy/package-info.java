/**
 * The policy as the operator writes it ({@code policy/}, modelled by {@code yang/portcullis-policy@2026-11-28.yang}):
 * loading and parsing ({@link io.portcullis.policy.PolicyLoader}, {@link io.portcullis.policy.SourceParser}), the
 * semantic checks {@code validate} runs ({@link io.portcullis.policy.PolicyChecks}), and
 * {@link io.portcullis.policy.Diagnostic}s that name file and line.
 *
 * <p>May import {@code intent}, {@code policy.yang} and {@code netconf.xml} (the one hardened XML reader set-up).
 * Never {@code compile}, {@code platform}, {@code engine} or anything above.
 */
package io.portcullis.policy;
