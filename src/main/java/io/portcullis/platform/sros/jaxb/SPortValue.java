package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code port-list/port[value]}. */
public class SPortValue {
    @XmlElement(name = "value")
    public String value;
}
