package io.portcullis.platform.iosxr.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code source-port} / {@code destination-port}: operator and one or two ports. */
public class XPort {
    @XmlElement(name = "source-operator")
    public String sourceOperator;

    @XmlElement(name = "first-source-port")
    public String firstSourcePort;

    @XmlElement(name = "second-source-port")
    public String secondSourcePort;

    @XmlElement(name = "destination-operator")
    public String destinationOperator;

    @XmlElement(name = "first-destination-port")
    public String firstDestinationPort;

    @XmlElement(name = "second-destination-port")
    public String secondDestinationPort;
}
