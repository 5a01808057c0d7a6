package io.portcullis.platform.iosxr.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code ip-subscriber|ppp[template-name]}. */
public class XTemplate {
    @XmlElement(name = "template-name")
    public String templateName;

    @XmlElement(name = "ipv4-packet-filter")
    public XPacketFilter ipv4;

    @XmlElement(name = "ipv6-packet-filter")
    public XPacketFilter ipv6;
}
