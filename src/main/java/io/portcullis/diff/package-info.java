/**
 * What would change on a router, in words a reviewer reads: the IR-level comparison of running with intent
 * ({@link io.portcullis.diff.IntentComparator}, {@link io.portcullis.diff.ChangeSet}), its explanation in the
 * platform's own terms with the reverse change ({@link io.portcullis.diff.ChangeExplainer}), and the packet-fate
 * delta ("TCP/587 toward subscribers: forwarded → dropped", {@link io.portcullis.diff.FateOracle}).
 *
 * <p>May import {@code intent}, {@code platform} and {@code verify}. Never {@code engine} or anything above.
 */
package io.portcullis.diff;
