/**
 * Huawei VRP8 (huawei-acl, CE6850 schema YANG). Same file roles as every platform package:
 * {@link io.portcullis.platform.vrp.VrpAdapter} (the {@link io.portcullis.platform.PlatformAdapter}),
 * {@code VrpFacts} (capabilities and quirks), {@code VrpRenderer} → {@code VrpView} → templates/vrp/,
 * {@code VrpReader} over the JAXB classes in {@code jaxb/}. Imports {@code intent} and {@code platform} only.
 */
package io.portcullis.platform.vrp;
