package io.portcullis.platform.openconfig.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;

@XmlAccessorType(XmlAccessType.FIELD)
public class OTransportConfig {
    @XmlElement(name = "destination-port")
    public String destinationPort;

    @XmlElement(name = "source-port")
    public String sourcePort;
}
