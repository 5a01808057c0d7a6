/**
 * The IR, the narrow waist of Portcullis: immutable records for what one router should hold
 * ({@link io.portcullis.intent.FilterIntent}: filters, terms, matches, bindings at attach points) and what the
 * policy promises there ({@link io.portcullis.intent.Promise}: the flows that must be dropped, everything else
 * forwarded), plus the capability vocabulary ({@link io.portcullis.intent.Feature}) every platform declares.
 * The compiler produces it, every renderer starts from it, every reader returns it, and diff, drift and the
 * proof are written once against it.
 *
 * <p>The bottom layer: imports nothing from the project (ArchitectureTest
 * {@code intentNeverImportsAPlatformOrAnythingAbove}). Every other area may import it.
 */
package io.portcullis.intent;
