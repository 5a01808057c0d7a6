/**
 * Cisco IOS-XR (ASR 9000 BNG), native Cisco-IOS-XR YANG. Same file roles as every platform package:
 * {@link io.portcullis.platform.iosxr.IosXrAdapter} (the {@link io.portcullis.platform.PlatformAdapter}),
 * {@code IosXrFacts} (capabilities and quirks), {@code IosXrRenderer} → {@code IosXrView} → templates/iosxr/,
 * {@code IosXrReader} over the JAXB classes in {@code jaxb/}. Imports {@code intent} and {@code platform} only.
 */
package io.portcullis.platform.iosxr;
