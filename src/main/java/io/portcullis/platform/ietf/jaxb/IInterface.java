package io.portcullis.platform.ietf.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;

@XmlAccessorType(XmlAccessType.FIELD)
public class IInterface {
    @XmlElement(name = "interface-id")
    public String interfaceId;

    public IDirection ingress;
    public IDirection egress;
}
