/**
 * What every platform is, behind one interface: {@link io.portcullis.platform.PlatformAdapter} (render the IR as
 * the router's NETCONF payload, read a payload or get-config reply back into the IR),
 * {@link io.portcullis.platform.PlatformFacts} (the {@code Feature} set and quirks). Helpers shared by the six vendor packages live here (attach slots,
 * chaining, Qute templates, {@link io.portcullis.platform.XmlReading}). See docs/adding-a-platform.md.
 *
 * <p>May import {@code intent} and {@code netconf.xml}; never a vendor subpackage (they import this one). Only the
 * registry {@code platform.registry} knows all six; the subpackages never import each other (ArchitectureTest
 * {@code platformsNeverImportEachOther}, {@code noPackageCycles}).
 */
package io.portcullis.platform;
