/**
 * Hardened XML for everything that reads device or user XML (checklist B.8, D.6 #45/#46).
 *
 * <p>{@link io.portcullis.netconf.xml.SecureXml#parse(byte[])} gives a namespace-aware DOM;
 * {@link io.portcullis.netconf.xml.SecureXml#streamReader(byte[], io.portcullis.netconf.xml.XmlLimits)} a StAX
 * reader. Both refuse any DOCTYPE (so no XXE and no entity expansion), never load external resources, and enforce
 * {@link io.portcullis.netconf.xml.XmlLimits} (size, depth, attributes per element, name length). Failures are
 * {@link io.portcullis.netconf.xml.XmlParseException}. Never create JAXP factories directly elsewhere.
 *
 * <p>Imports nothing from the project (JAXP only), so every layer, the simulator included, may use it.
 */
package io.portcullis.netconf.xml;
