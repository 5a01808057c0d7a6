/**
 * The registries of the six platforms, keyed by inventory spelling: {@link io.portcullis.platform.registry.Platforms}
 * (each platform's adapter) and {@link io.portcullis.platform.registry.CounterReaders} (each platform's counter
 * reader). The only package that knows every vendor package; it sits above them so that {@code platform}, which
 * the vendor packages import, never imports them back.
 *
 * <p>May import {@code platform}, the six {@code platform.<p>} packages and {@code counters}.
 */
package io.portcullis.platform.registry;
