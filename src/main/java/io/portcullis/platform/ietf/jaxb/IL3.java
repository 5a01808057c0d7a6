package io.portcullis.platform.ietf.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;

@XmlAccessorType(XmlAccessType.FIELD)
public class IL3 {
    public String protocol;

    @XmlElement(name = "destination-ipv4-network")
    public String destinationIpv4;

    @XmlElement(name = "destination-ipv6-network")
    public String destinationIpv6;

    @XmlElement(name = "source-ipv4-network")
    public String sourceIpv4;

    @XmlElement(name = "source-ipv6-network")
    public String sourceIpv6;
}
