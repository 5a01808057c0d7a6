package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code term NAME}. */
public class JTerm {
    @XmlElement(name = "name")
    public String name;

    @XmlElement(name = "from")
    public JFrom from;

    @XmlElement(name = "then")
    public JThen then;
}
