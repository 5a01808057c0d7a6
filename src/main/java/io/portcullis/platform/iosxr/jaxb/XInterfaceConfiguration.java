package io.portcullis.platform.iosxr.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code interface-configuration[active][interface-name]}. */
public class XInterfaceConfiguration {
    @XmlElement(name = "active")
    public String active;

    @XmlElement(name = "interface-name")
    public String interfaceName;

    @XmlElement(name = "ipv4-packet-filter")
    public XPacketFilter ipv4;

    @XmlElement(name = "ipv6-packet-filter")
    public XPacketFilter ipv6;
}
