/**
 * JAXB classes for the Junos subtree Portcullis manages: {@code configuration/firewall},
 * {@code configuration/interfaces/.../family/{inet,inet6}/filter} and the same under
 * {@code dynamic-profiles}. Declared without a namespace: {@link io.portcullis.platform.XmlReading}
 * maps whatever namespace the device used (none, NETCONF base, a Junos URI) to none. Values are kept
 * as strings and parsed by the reader, so a bad value becomes a clear message instead of a silent 0.
 * {@code junos:comment} annotations arrive as {@code comment} elements, in document order with the
 * statements they annotate.
 */
@XmlAccessorType(XmlAccessType.FIELD)
package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
