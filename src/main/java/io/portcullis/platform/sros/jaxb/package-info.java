/**
 * JAXB classes for the SR OS nokia-conf subtree Portcullis manages ({@code configure/filter} match
 * lists and ip/ipv6 filters, {@code configure/subscriber-mgmt/sla-profile} filter references).
 * Declared without a namespace; {@link io.portcullis.platform.XmlReading} maps the device's to none.
 */
@XmlAccessorType(XmlAccessType.FIELD)
package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
