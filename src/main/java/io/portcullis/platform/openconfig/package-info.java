/**
 * OpenConfig (openconfig-acl). Same file roles as every platform package:
 * {@link io.portcullis.platform.openconfig.OpenConfigAdapter} (the {@link io.portcullis.platform.PlatformAdapter}),
 * {@code OpenConfigFacts} (capabilities and quirks), {@code OpenConfigRenderer} → {@code OpenConfigView} → templates/openconfig/,
 * {@code OpenConfigReader} over the JAXB classes in {@code jaxb/}. Imports {@code intent} and {@code platform} only.
 */
package io.portcullis.platform.openconfig;
