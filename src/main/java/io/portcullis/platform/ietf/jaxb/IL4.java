package io.portcullis.platform.ietf.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;

@XmlAccessorType(XmlAccessType.FIELD)
public class IL4 {
    @XmlElement(name = "destination-port")
    public IPort destinationPort;

    @XmlElement(name = "source-port")
    public IPort sourcePort;
}
