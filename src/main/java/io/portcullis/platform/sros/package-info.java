/**
 * Nokia SR OS (7750 BNG), nokia-conf. Same file roles as every platform package:
 * {@link io.portcullis.platform.sros.SrosAdapter} (the {@link io.portcullis.platform.PlatformAdapter}),
 * {@code SrosFacts} (capabilities and quirks), {@code SrosRenderer} → {@code SrosView} → templates/sros/,
 * {@code SrosReader} over the JAXB classes in {@code jaxb/}. Imports {@code intent} and {@code platform} only.
 */
package io.portcullis.platform.sros;
