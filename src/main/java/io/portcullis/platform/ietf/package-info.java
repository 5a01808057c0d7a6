/**
 * IETF RFC 8519 ietf-access-control-list. Same file roles as every platform package:
 * {@link io.portcullis.platform.ietf.IetfAdapter} (the {@link io.portcullis.platform.PlatformAdapter}),
 * {@code IetfFacts} (capabilities and quirks), {@code IetfRenderer} → {@code IetfView} → templates/ietf/,
 * {@code IetfReader} over the JAXB classes in {@code jaxb/}. Imports {@code intent} and {@code platform} only.
 */
package io.portcullis.platform.ietf;
