package io.portcullis.platform.openconfig.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import javax.xml.namespace.QName;

@XmlAccessorType(XmlAccessType.FIELD)
public class OL3Config {
    public QName protocol;

    @XmlElement(name = "destination-address")
    public String destinationAddress;

    @XmlElement(name = "source-address")
    public String sourceAddress;
}
