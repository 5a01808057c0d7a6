/**
 * The front door of the policy: {@link io.portcullis.policy.load.PolicyLoader} finds the document behind
 * {@code --policy}, parses it ({@code policy.SourceParser}), validates it against the YANG module
 * ({@code policy.yang}) and runs the semantic checks ({@code policy.PolicyChecks}). Never throws for bad input:
 * every problem is a {@code policy.Diagnostic}.
 *
 * <p>Sits above {@code policy} and {@code policy.yang} so that the YANG adapter, which maps onto {@code policy}'s
 * records, is never imported by the package it imports. May import {@code policy}, {@code policy.yang}.
 */
package io.portcullis.policy.load;
