/**
 * The compiler: turns the policy for one inventory device into the vendor-neutral IR ({@code intent}) —
 * the filters and bindings to render and the promise the verifier proves them against.
 *
 * <p>May import {@code intent}, {@code policy} and {@code inventory} only. It sits above all three (they
 * never import it), which is why it is not part of {@code intent}: the IR is imported by {@code policy}
 * and {@code inventory}, so a compiler inside it made two package cycles. Nothing platform-specific lives
 * here: the caller passes the platform's implicit default.
 */
package io.portcullis.compile;
