package io.portcullis.platform.iosxr.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code ipv4-packet-filter} / {@code ipv6-packet-filter}. */
public class XPacketFilter {
    @XmlElement(name = "inbound")
    public XBound inbound;

    @XmlElement(name = "outbound")
    public XBound outbound;
}
