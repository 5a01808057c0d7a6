package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code dst-ip|src-ip}: an address (with optional mask) or a prefix list. */
public class SIp {
    @XmlElement(name = "address")
    public String address;

    @XmlElement(name = "mask")
    public String mask;

    @XmlElement(name = "ip-prefix-list")
    public String ipPrefixList;

    @XmlElement(name = "ipv6-prefix-list")
    public String ipv6PrefixList;
}
