/**
 * The policy as the operator writes it ({@code policy/}, modelled by {@code yang/portcullis-policy@2026-11-28.yang}):
 * the records ({@link io.portcullis.policy.Policy}), parsing ({@link io.portcullis.policy.SourceParser}), the
 * semantic checks {@code validate} runs ({@link io.portcullis.policy.PolicyChecks}), and
 * {@link io.portcullis.policy.Diagnostic}s that name file and line.
 *
 * <p>Loading (file or directory, YANG validation, checks) is {@code policy.load.PolicyLoader}.
 *
 * <p>May import {@code intent} and {@code netconf.xml} (the one hardened XML reader set-up). Never its
 * subpackages {@code policy.yang} and {@code policy.load} (they import this one), {@code compile},
 * {@code platform}, {@code engine} or anything above.
 */
package io.portcullis.policy;
