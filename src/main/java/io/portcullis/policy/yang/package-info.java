/**
 * The YANG side of the policy: reads and checks policy documents against {@code yang/portcullis-policy@2026-11-28.yang} with
 * OpenDaylight yangtools ({@link io.portcullis.policy.yang.YangCodec}, {@link io.portcullis.policy.yang.YangSchema})
 * and maps the result onto {@code policy}'s records.
 *
 * <p>The only package that touches {@code org.opendaylight} (ArchitectureTest
 * {@code onlyThePolicyYangAdapterTouchesYangtools}). May import {@code policy} and {@code intent}; only {@code policy.load} imports it.
 */
package io.portcullis.policy.yang;
