/**
 * Juniper Junos (MX BNG), native configuration XML. Same file roles as every platform package:
 * {@link io.portcullis.platform.junos.JunosAdapter} (the {@link io.portcullis.platform.PlatformAdapter}),
 * {@code JunosFacts} (capabilities and quirks), {@code JunosRenderer} → {@code JunosView} → templates/junos/,
 * {@code JunosReader} over the JAXB classes in {@code jaxb/}. Imports {@code intent} and {@code platform} only.
 */
package io.portcullis.platform.junos;
