/**
 * End-to-end engine tests: plan, apply, drift and recover through {@code engine.Engine} against simulated routers
 * ({@code *LabTest}, tag {@code lab}) or the real netconfd ({@code Netconfd*Test}, tag {@code netconfd}), plus the
 * connection storm and crash helpers. May import anything.
 */
package io.portcullis.engine.e2e;
