package io.portcullis.platform.ietf.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;

@XmlAccessorType(XmlAccessType.FIELD)
public class IPort {
    @XmlElement(name = "lower-port")
    public String lowerPort;

    @XmlElement(name = "upper-port")
    public String upperPort;

    public String operator;
    public String port;
}
