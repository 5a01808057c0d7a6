package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code unit N family ...}. */
public class JUnit {
    @XmlElement(name = "name")
    public String name;

    @XmlElement(name = "family")
    public JUnitFamily family;
}
