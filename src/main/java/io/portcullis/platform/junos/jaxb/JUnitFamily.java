package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code unit family inet|inet6}. */
public class JUnitFamily {
    @XmlElement(name = "inet")
    public JUnitAf inet;

    @XmlElement(name = "inet6")
    public JUnitAf inet6;
}
