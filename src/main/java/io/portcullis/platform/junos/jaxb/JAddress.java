package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code destination-address|source-address PREFIX [except]}. */
public class JAddress {
    @XmlElement(name = "name")
    public String name;

    @XmlElement(name = "except")
    public String except;
}
