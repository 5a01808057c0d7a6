package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElements;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.ArrayList;
import java.util.List;

/** {@code term NAME}. */
public class JTerm {
    @XmlElement(name = "name")
    public String name;
    @XmlElement(name = "from")
    public JFrom from;
    @XmlElement(name = "then")
    public JThen then;
}
